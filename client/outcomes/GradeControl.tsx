import { useState } from 'react'
import type * as Y from 'yjs'
import { updateCard } from '../../shared/boardDoc.ts'
import { stopCanvasEvents } from '../shapes/stopCanvasEvents.ts'
import { formatGrade, GRADE_GUIDANCE, gradeBand, gradeBandLabel, parseGrade } from './grade.ts'

/**
 * A key result's grade, 0.0–1.0, typed as a number ("0.7", "0,7"; empty clears it) and
 * shown as a coloured chip. The draft is local until it parses, so half-typed values
 * ("0.") are never written; it falls back to the stored grade on blur.
 */
export function GradeControl(props: {
  doc: Y.Doc
  cardId: string
  grade: number | null
  readOnly: boolean
  testId: string
  /** Show the guidance sentence beside the control (cards have room for a short one). */
  showGuidance?: boolean
}) {
  const { doc, cardId, grade, readOnly, testId, showGuidance = true } = props
  const [draft, setDraft] = useState<string | null>(null)
  const band = gradeBand(grade)
  const invalid = draft !== null && parseGrade(draft) === undefined

  return (
    <span className="cb-grade" title={`Grade 0.0–1.0: ${GRADE_GUIDANCE}`}>
      <span className="cb-grade__label">Grade</span>
      {readOnly ? (
        <span className={`cb-grade__chip cb-grade__chip--${band}`} data-testid={testId}>
          {formatGrade(grade)}
        </span>
      ) : (
        <input
          type="text"
          inputMode="decimal"
          className={`cb-grade__input cb-grade__chip--${band}${invalid ? ' cb-grade__input--invalid' : ''}`}
          data-testid={testId}
          data-band={band}
          aria-label={`Grade from 0.0 to 1.0 (${GRADE_GUIDANCE}); now ${gradeBandLabel[band]}`}
          aria-invalid={invalid}
          placeholder="–"
          maxLength={5}
          value={draft ?? (grade === null ? '' : formatGrade(grade))}
          {...stopCanvasEvents}
          onChange={(event) => {
            const text = event.currentTarget.value
            setDraft(text)
            const parsed = parseGrade(text)
            if (parsed !== undefined && parsed !== grade) updateCard(doc, cardId, { grade: parsed })
          }}
          onBlur={() => setDraft(null)}
        />
      )}
      {showGuidance && <span className="cb-grade__guidance">{GRADE_GUIDANCE}</span>}
    </span>
  )
}
