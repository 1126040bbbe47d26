import { useState } from 'react'
import type { Editor } from 'tldraw'
import { useBoard } from '../board/BoardContext.tsx'
import { BoardImageSection } from './BoardImageSection.tsx'
import { FinalizeSection } from './FinalizeSection.tsx'
import { ImportSection } from './ImportSection.tsx'
import { PdcaSection } from './PdcaSection.tsx'
import { useBoardTemplate } from './useBoardTemplate.ts'
import { useFinalizedVersion } from './useFinalizedVersion.ts'
import { useOutcomeVersions } from './useOutcomeVersions.ts'
import { VersionsSection } from './VersionsSection.tsx'
// The outcome styles travel with the components; Vite bundles this side-effect import.
// oxlint-disable-next-line import/no-unassigned-import
import './outcomes.css'

/**
 * Side-panel tab "Outcomes": the finalized version for everyone; finalize (facilitator);
 * versions with read-only view, diff, downloads and next cycle; an image of the board;
 * import (not for viewers); and on PDCA boards, grades and actions.
 */
export function OutcomesPanel({ editor }: { editor: Editor | null }) {
  const { session, doc, controlDoc, readOnly } = useBoard()
  const finalized = useFinalizedVersion(controlDoc)
  const { versions, loading, error, reload } = useOutcomeVersions(
    session.boardId,
    session.token,
    finalized,
  )
  const template = useBoardTemplate(doc)
  const [picked, setPicked] = useState<number | null>(null)
  // The newest version until someone picks one; a finalize picks its result.
  const selected = picked ?? versions.at(-1)?.version ?? null

  return (
    <section className="cb-outcomes" aria-label="Outcomes" data-testid="outcomes-panel">
      <p className="cb-outcomes__finalized" role="status" data-testid="finalized-version">
        {finalized === null ? 'Not finalized yet' : `Finalized: version ${finalized}`}
      </p>
      {template === 'pdca' && <PdcaSection editor={editor} />}
      {session.role === 'facilitator' && (
        <FinalizeSection
          onFinalized={(version) => {
            setPicked(version)
            reload()
          }}
        />
      )}
      <VersionsSection
        versions={versions}
        loading={loading}
        error={error}
        selected={selected}
        onSelect={setPicked}
      />
      <BoardImageSection editor={editor} />
      {!readOnly && <ImportSection />}
    </section>
  )
}
