import { useState } from 'react'
import type * as Y from 'yjs'
import { AgendaEditor } from './AgendaEditor.tsx'
import { setPhase } from './controlWrites.ts'
import { useAgenda } from './useAgenda.ts'

/**
 * The current phase and what is expected of everyone in it. The facilitator steps back
 * and forth and can edit the agenda; everyone else only reads.
 */
export function PhaseIndicator(props: { controlDoc: Y.Doc; canControl: boolean }) {
  const { controlDoc, canControl } = props
  const { agenda, phase, current } = useAgenda(controlDoc)
  const [editing, setEditing] = useState(false)
  if (!current && !canControl) return null
  const go = (to: number) => setPhase(controlDoc, to, agenda.length)

  return (
    <div className="cb-phase">
      {canControl && (
        <button
          type="button"
          className="cb-icon-button cb-phase__step"
          data-testid="phase-back"
          aria-label="Previous phase"
          title="Previous phase"
          disabled={phase <= 0}
          onClick={() => go(phase - 1)}
        >
          ‹
        </button>
      )}
      <div className="cb-phase__text" title={current?.instructions}>
        <span className="cb-phase__title">
          {current && (
            <span className="cb-phase__count" data-testid="phase-position">
              {phase + 1}/{agenda.length}
            </span>
          )}{' '}
          <span data-testid="phase-title">{current?.title ?? 'No agenda'}</span>
        </span>
        {current?.instructions && (
          <span className="cb-phase__instructions" data-testid="phase-instructions">
            {current.instructions}
          </span>
        )}
      </div>
      {canControl && (
        <>
          <button
            type="button"
            className="cb-icon-button cb-phase__step"
            data-testid="phase-next"
            aria-label="Next phase"
            title="Next phase"
            disabled={phase >= agenda.length - 1}
            onClick={() => go(phase + 1)}
          >
            ›
          </button>
          <button
            type="button"
            className="cb-icon-button cb-phase__edit"
            data-testid="agenda-edit"
            aria-label="Edit the agenda"
            title="Edit the agenda"
            onClick={() => setEditing(true)}
          >
            ✎
          </button>
        </>
      )}
      {editing && (
        <AgendaEditor
          controlDoc={controlDoc}
          agenda={agenda}
          phase={phase}
          onClose={() => setEditing(false)}
        />
      )}
    </div>
  )
}
