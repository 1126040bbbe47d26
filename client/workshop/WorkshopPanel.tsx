import type { Editor } from 'tldraw'
import { useBoard } from '../board/BoardContext.tsx'
import { jumpToCard } from '../shapes/jumpToCard.ts'
import { FacilitationTools } from './facilitation/FacilitationTools.tsx'
import { ConvergeView } from './voting/ConvergeView.tsx'
import { useCardLabels } from './voting/useCardLabels.ts'
import { useRounds } from './voting/useRounds.ts'
import { VotingSection } from './voting/VotingSection.tsx'
// oxlint-disable-next-line import/no-unassigned-import
import './workshop.css'

/** Side-panel tab: facilitation controls, voting rounds and fist of five, converge view. */
export function WorkshopPanel(props: { editor: Editor | null }) {
  const { editor } = props
  const board = useBoard()
  const rounds = useRounds(board.controlDoc)
  const labels = useCardLabels(board)
  const onJump = (cardId: string) => {
    if (editor) jumpToCard(editor, cardId)
  }
  return (
    <div className="cb-workshop-panel" data-testid="workshop-panel">
      {board.session.role === 'facilitator' && <FacilitationTools editor={editor} />}
      <VotingSection editor={editor} rounds={rounds} labels={labels} onJump={onJump} />
      <ConvergeView rounds={rounds} labels={labels} onJump={onJump} />
    </div>
  )
}
