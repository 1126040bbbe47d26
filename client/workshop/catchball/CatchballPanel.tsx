import { useMemo, useState } from 'react'
import type { Editor } from 'tldraw'
import { useBoard } from '../../board/BoardContext.tsx'
import { useAllCards } from '../../cards/useCardTree.ts'
import { jumpToCard } from '../../shapes/jumpToCard.ts'
import { HistoryDialog } from './HistoryDialog.tsx'
import { ballsByTeam, type BallOnCard, type TeamBalls } from './teamBalls.ts'
import { ThrowDialog } from './ThrowDialog.tsx'
import { useCatchballLog } from './useCatchballData.ts'
// Catchball's styles travel with its components; Vite bundles this side-effect import.
// oxlint-disable-next-line import/no-unassigned-import
import './catchball.css'

type PanelDialog = { kind: 'throw' | 'history'; cardId: string } | null

/**
 * Side-panel tab: who holds which ball, per team. Under each team, the cards it holds
 * (waiting on it) and the cards it threw that another team holds (it waits on them).
 * A title jumps to the card on the canvas; each held card can be thrown or its history read.
 */
export function CatchballPanel({ editor }: { editor: Editor | null }) {
  const board = useBoard()
  const cards = useAllCards(board.doc)
  const log = useCatchballLog(board.doc)
  const teams = useMemo(() => ballsByTeam(cards, log), [cards, log])
  const [dialog, setDialog] = useState<PanelDialog>(null)
  const close = () => setDialog(null)
  const actions: RowActions = {
    readOnly: board.readOnly,
    onJump: (cardId) => {
      if (editor) jumpToCard(editor, cardId)
    },
    onOpen: (kind, cardId) => setDialog({ kind, cardId }),
  }

  return (
    <section className="cb-ball-panel" aria-label="Catchball by team" data-testid="catchball-panel">
      <h2 className="cb-ball-panel__heading">Who holds the ball</h2>
      {teams.length === 0 ? (
        <p className="cb-ball-muted cb-ball-panel__empty">
          No objectives or key results in play. Add one, give it a team, then throw it to another
          team or level with a message.
        </p>
      ) : (
        teams.map((team) => <TeamSection key={team.team} team={team} actions={actions} />)
      )}
      {dialog?.kind === 'throw' && (
        <ThrowDialog board={board} cardId={dialog.cardId} onClose={close} />
      )}
      {dialog?.kind === 'history' && (
        <HistoryDialog
          board={board}
          cardId={dialog.cardId}
          onClose={close}
          onThrow={() => setDialog({ kind: 'throw', cardId: dialog.cardId })}
        />
      )}
    </section>
  )
}

interface RowActions {
  readOnly: boolean
  onJump: (cardId: string) => void
  onOpen: (kind: 'throw' | 'history', cardId: string) => void
}

function TeamSection({ team, actions }: { team: TeamBalls; actions: RowActions }) {
  return (
    <section className="cb-ball-team" data-testid="catchball-team" data-team={team.team}>
      <h3 className="cb-ball-team__name">{team.team}</h3>
      <p className="cb-ball-team__label">Holds ({team.holding.length})</p>
      {team.holding.length === 0 ? (
        <p className="cb-ball-muted cb-ball-team__none">Nothing waiting on them.</p>
      ) : (
        <ul className="cb-ball-list" data-testid="catchball-holding">
          {team.holding.map((ball) => (
            <BallRow key={ball.card.id} ball={ball} actions={actions} held />
          ))}
        </ul>
      )}
      {team.waitingOn.length > 0 && (
        <>
          <p className="cb-ball-team__label">Waits on others ({team.waitingOn.length})</p>
          <ul className="cb-ball-list" data-testid="catchball-waiting">
            {team.waitingOn.map((ball) => (
              <BallRow key={ball.card.id} ball={ball} actions={actions} held={false} />
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function BallRow(props: { ball: BallOnCard; actions: RowActions; held: boolean }) {
  const { ball, actions, held } = props
  const { card } = ball
  const kind = card.kind === 'keyResult' ? 'KR' : 'Objective'
  const where =
    ball.round === 0
      ? 'not thrown yet'
      : held
        ? `round ${ball.round} · from ${ball.lastThrownBy}`
        : `round ${ball.round} · with ${ball.holder}`
  return (
    <li className="cb-ball-row" data-card-id={card.id}>
      <button
        type="button"
        className="cb-ball-row__title"
        title="Show on the canvas"
        onClick={() => actions.onJump(card.id)}
      >
        {card.title.trim() || 'Untitled'}
      </button>
      <span className="cb-ball-row__meta">
        {kind} · {card.status} · {where}
      </span>
      {held && (
        <span className="cb-ball-row__actions">
          {!actions.readOnly && (
            <button
              type="button"
              className="cb-button cb-button--small"
              data-testid={`panel-throw-${card.id}`}
              onClick={() => actions.onOpen('throw', card.id)}
            >
              Throw
            </button>
          )}
          <button
            type="button"
            className="cb-button cb-button--small"
            data-testid={`panel-history-${card.id}`}
            onClick={() => actions.onOpen('history', card.id)}
          >
            History
          </button>
        </span>
      )}
    </li>
  )
}
