/** Placeholder until its feature lands. */
export function CardBall(_props: { cardId: string }) {
  return null
}
