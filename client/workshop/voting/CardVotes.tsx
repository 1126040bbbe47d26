/** Placeholder until its feature lands. */
export function CardVotes(_props: { cardId: string }) {
  return null
}
