/** Placeholder until its feature lands. */
export function CardQuality(_props: { cardId: string }) {
  return null
}
