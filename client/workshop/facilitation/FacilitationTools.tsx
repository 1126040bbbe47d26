import { useValue, type Editor } from 'tldraw'
import { useBoard } from '../../board/BoardContext.tsx'
import { lockShapes, setPrivateWriting, unlockAll, unlockShapes } from './controlWrites.ts'
import { startBringingEveryone, stopBringingEveryone } from './focusFollowing.ts'
import { LockIcon } from './icons.tsx'
import { serverNow } from './serverClock.ts'
import { useFocus } from './useFocus.ts'
import { useLockedIds } from './useLocks.ts'
import { usePrivateWriting } from './usePrivateWriting.ts'

/**
 * The facilitator's room controls in the side panel: bring everyone here, lock the
 * selected cards or frames, private writing and reveal. Rendered for the facilitator only.
 */
export function FacilitationTools(props: { editor: Editor | null }) {
  const { editor } = props
  const board = useBoard()
  const { controlDoc, session } = board
  const focus = useFocus(controlDoc)
  const locks = useLockedIds(controlDoc)
  const privateWriting = usePrivateWriting(controlDoc)
  const selectedIds = useValue('selected shape ids', () => editor?.getSelectedShapeIds() ?? [], [
    editor,
  ])
  const selectedLocked = selectedIds.filter((id) => locks.has(id))
  const selectedUnlocked = selectedIds.filter((id) => !locks.has(id))
  const bringing = !!focus && focus.by === session.participantId

  return (
    <section className="cb-workshop-section" aria-label="Facilitation">
      <h2 className="cb-workshop-heading">Facilitate</h2>
      <div className="cb-workshop-row">
        <button
          type="button"
          className={`cb-button cb-button--small${bringing ? ' cb-button--active' : ''}`}
          data-testid="bring-everyone"
          aria-pressed={bringing}
          disabled={!editor}
          title="Everyone's view follows yours until you turn it off"
          onClick={() => {
            if (bringing) stopBringingEveryone(board)
            else if (editor) startBringingEveryone(editor, board)
          }}
        >
          {bringing ? 'Release everyone' : 'Bring everyone here'}
        </button>
        {focus && !bringing && (
          <span className="cb-muted cb-workshop-note">Another facilitator leads the view.</span>
        )}
      </div>
      <div className="cb-workshop-row">
        <button
          type="button"
          className="cb-button cb-button--small"
          data-testid="lock-selection"
          disabled={selectedUnlocked.length === 0}
          title="Nobody but facilitators can change or move the selected cards or frames"
          onClick={() => lockShapes(controlDoc, selectedUnlocked)}
        >
          <LockIcon size={12} /> Lock selected
        </button>
        <button
          type="button"
          className="cb-button cb-button--small"
          data-testid="unlock-selection"
          disabled={selectedLocked.length === 0}
          onClick={() => unlockShapes(controlDoc, selectedLocked)}
        >
          Unlock selected
        </button>
        {locks.size > 0 && (
          <button
            type="button"
            className="cb-link-button"
            data-testid="unlock-all"
            onClick={() => unlockAll(controlDoc)}
          >
            Unlock all ({locks.size})
          </button>
        )}
      </div>
      <div className="cb-workshop-row">
        {privateWriting ? (
          <button
            type="button"
            className="cb-button cb-button--small cb-button--primary"
            data-testid="private-writing-reveal"
            title="Show everyone's new cards to everyone"
            onClick={() => setPrivateWriting(controlDoc, null)}
          >
            Reveal private cards
          </button>
        ) : (
          <button
            type="button"
            className="cb-button cb-button--small"
            data-testid="private-writing-start"
            title="New cards stay hidden from others until you reveal them"
            onClick={() =>
              setPrivateWriting(controlDoc, {
                on: true,
                since: new Date(serverNow()).toISOString(),
              })
            }
          >
            ✎ Start private writing
          </button>
        )}
      </div>
    </section>
  )
}
