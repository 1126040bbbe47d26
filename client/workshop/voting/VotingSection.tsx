import { useState } from 'react'
import type { Editor } from 'tldraw'
import type { PublishedRound } from '../../../shared/votingSchemas.ts'
import { useBoard } from '../../board/BoardContext.tsx'
import { OpenRoundForm } from './OpenRoundForm.tsx'
import { RoundCard } from './RoundCard.tsx'
import type { CardLabels } from './useCardLabels.ts'

/**
 * Voting rounds in the Vote panel, newest first: the open and the latest one shown in
 * full, older ones folded. The facilitator opens new rounds here.
 */
export function VotingSection(props: {
  editor: Editor | null
  rounds: readonly PublishedRound[]
  labels: CardLabels
  onJump: (cardId: string) => void
}) {
  const { editor, rounds, labels, onJump } = props
  const { session } = useBoard()
  const isFacilitator = session.role === 'facilitator'
  const [formOpen, setFormOpen] = useState(false)

  return (
    <section className="cb-workshop-section" aria-label="Voting">
      <div className="cb-workshop-section__header">
        <h2 className="cb-workshop-heading">Voting</h2>
        {isFacilitator && (
          <button
            type="button"
            className="cb-button cb-button--small"
            data-testid="round-new"
            aria-expanded={formOpen}
            onClick={() => setFormOpen(!formOpen)}
          >
            {formOpen ? 'Cancel' : '+ New round'}
          </button>
        )}
      </div>
      {isFacilitator && formOpen && (
        <OpenRoundForm editor={editor} labels={labels} onOpened={() => setFormOpen(false)} />
      )}
      {rounds.length === 0 && !formOpen && (
        <p className="cb-muted cb-workshop-note">
          {isFacilitator
            ? 'No rounds yet. Open dot voting or a fist of five when the room is ready.'
            : 'No voting yet. When the facilitator opens a round, you vote here and on the cards.'}
        </p>
      )}
      {rounds.map((round, index) =>
        index === 0 || round.status === 'open' ? (
          <RoundCard key={round.id} round={round} labels={labels} onJump={onJump} />
        ) : (
          <details key={round.id} className="cb-round-folded">
            <summary>
              {round.title} · {round.status}
            </summary>
            <RoundCard round={round} labels={labels} onJump={onJump} />
          </details>
        ),
      )}
    </section>
  )
}
