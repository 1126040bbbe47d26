import { CardQuality } from '../outcomes/CardQuality.tsx'
import { CardBall } from './catchball/CardBall.tsx'
import { CardVotes } from './voting/CardVotes.tsx'

/**
 * What the workshop adds to an OKR card on the canvas: who holds the ball (catchball),
 * dots and consensus (voting), grade and quality hints (outcomes). Each part is owned by
 * its feature folder; this file only lays them out.
 */
export function CardWorkshopExtras(props: { cardId: string }) {
  return (
    <div className="cb-card-extras">
      <CardBall cardId={props.cardId} />
      <CardVotes cardId={props.cardId} />
      <CardQuality cardId={props.cardId} />
    </div>
  )
}
