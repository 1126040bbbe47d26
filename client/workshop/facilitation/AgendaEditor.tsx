import { useState } from 'react'
import type * as Y from 'yjs'
import {
  agendaTemplates,
  type AgendaPhase,
  type BoardTemplateId,
} from '../../../shared/templates.ts'
import {
  addPhaseAfter,
  movePhase,
  phaseAfterRemoval,
  removePhase,
  renamePhase,
} from './agendaEdits.ts'
import { setAgenda } from './controlWrites.ts'

const TEMPLATE_CHOICES: BoardTemplateId[] = ['catchball', 'pdca', 'dots']

/**
 * The facilitator's agenda editor: rename, add, remove and reorder phases, or start from a
 * template. Edits are a draft until Save, so the room does not watch half-typed titles.
 */
export function AgendaEditor(props: {
  controlDoc: Y.Doc
  agenda: AgendaPhase[]
  phase: number
  onClose: () => void
}) {
  const [draft, setDraft] = useState<AgendaPhase[]>(props.agenda)
  const [current, setCurrent] = useState(props.phase)
  const [changed, setChanged] = useState(false)
  const edit = (next: AgendaPhase[], nextCurrent = current) => {
    setDraft(next)
    setCurrent(nextCurrent)
    setChanged(true)
  }
  const save = () => {
    setAgenda(props.controlDoc, draft, current)
    props.onClose()
  }

  return (
    <div className="cb-modal" role="presentation" onClick={props.onClose}>
      <div
        className="cb-modal__panel cb-agenda-editor"
        role="dialog"
        aria-modal="true"
        aria-label="Edit the agenda"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && props.onClose()}
      >
        <div className="cb-modal__header">
          <h2>Agenda</h2>
          <label className="cb-workshop-label cb-agenda-editor__template">
            Start from
            <select
              className="cb-input cb-input--small"
              data-testid="agenda-template"
              value=""
              onChange={(event) => {
                const id = event.currentTarget.value as BoardTemplateId
                if (id)
                  edit(
                    agendaTemplates[id].agenda.map((phase) => ({ ...phase })),
                    0,
                  )
              }}
            >
              <option value="">a template…</option>
              {TEMPLATE_CHOICES.map((id) => (
                <option key={id} value={id}>
                  {agendaTemplates[id].label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <ol className="cb-agenda-editor__list">
          {draft.map((phase, index) => (
            <li key={phase.id} className="cb-agenda-editor__phase" data-current={index === current}>
              <span
                className="cb-agenda-editor__number"
                title={index === current ? 'The current phase' : undefined}
              >
                {index + 1}
              </span>
              <div className="cb-agenda-editor__fields">
                <input
                  className="cb-input"
                  data-testid={`agenda-title-${index}`}
                  aria-label={`Phase ${index + 1} title`}
                  maxLength={120}
                  value={phase.title}
                  onChange={(event) =>
                    edit(renamePhase(draft, index, { title: event.currentTarget.value }))
                  }
                />
                <input
                  className="cb-input cb-input--small"
                  data-testid={`agenda-instructions-${index}`}
                  aria-label={`Phase ${index + 1} instructions`}
                  placeholder="What people should do in this phase"
                  maxLength={400}
                  value={phase.instructions}
                  onChange={(event) =>
                    edit(renamePhase(draft, index, { instructions: event.currentTarget.value }))
                  }
                />
              </div>
              <div className="cb-agenda-editor__actions">
                <button
                  type="button"
                  className="cb-icon-button"
                  aria-label={`Move phase ${index + 1} up`}
                  disabled={index === 0}
                  onClick={() => edit(movePhase(draft, index, -1), followMove(current, index, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="cb-icon-button"
                  aria-label={`Move phase ${index + 1} down`}
                  disabled={index === draft.length - 1}
                  onClick={() => edit(movePhase(draft, index, 1), followMove(current, index, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="cb-icon-button"
                  data-testid={`agenda-remove-${index}`}
                  aria-label={`Remove phase ${index + 1}`}
                  disabled={draft.length <= 1}
                  onClick={() =>
                    edit(
                      removePhase(draft, index),
                      phaseAfterRemoval(current, index, draft.length - 1),
                    )
                  }
                >
                  ✕
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div className="cb-agenda-editor__footer">
          <button
            type="button"
            className="cb-button"
            data-testid="agenda-add"
            onClick={() => edit(addPhaseAfter(draft, draft.length - 1))}
          >
            + Add phase
          </button>
          <span className="cb-header__spacer" />
          <button type="button" className="cb-button" onClick={props.onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="cb-button cb-button--primary"
            data-testid="agenda-save"
            disabled={!changed}
            onClick={save}
          >
            Save agenda
          </button>
        </div>
      </div>
    </div>
  )
}

/** The current phase follows its phase when that one is moved, or swaps with its neighbour. */
function followMove(current: number, moved: number, by: -1 | 1): number {
  if (current === moved) return moved + by
  if (current === moved + by) return moved
  return current
}
