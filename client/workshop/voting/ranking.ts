import type { DotsTally, FistTally } from '../../../shared/votingSchemas.ts'
import { fistMean, fistVerdict, type FistVerdict } from './consensus.ts'

export interface RankedCard {
  cardId: string
  title: string
  dots: number
  verdict: FistVerdict
  /** Mean fist-of-five answer, null without answers. */
  mean: number | null
}

/** Card ids by dots, most first; ties by title so every screen shows the same order. */
export function rankByDots(
  tally: DotsTally,
  titleOf: (cardId: string) => string,
): { cardId: string; dots: number }[] {
  return Object.entries(tally)
    .filter(([, dots]) => dots > 0)
    .map(([cardId, dots]) => ({ cardId, dots }))
    .toSorted(
      (a, b) =>
        b.dots - a.dots ||
        titleOf(a.cardId).localeCompare(titleOf(b.cardId)) ||
        a.cardId.localeCompare(b.cardId),
    )
}

const verdictOrder: Record<FistVerdict, number> = { consensus: 0, none: 1, discuss: 2 }

/**
 * Candidates for the converge view, best first: more dots, then consensus before no
 * answers before "discuss", then a higher mean fist, then title.
 */
export function rankForConverge(
  candidates: readonly { cardId: string; title: string }[],
  dots: DotsTally | null,
  fist: FistTally | null,
): RankedCard[] {
  return candidates
    .map(({ cardId, title }) => {
      const counts = fist?.[cardId]
      return {
        cardId,
        title,
        dots: dots?.[cardId] ?? 0,
        verdict: fistVerdict(counts),
        mean: fistMean(counts),
      }
    })
    .toSorted(
      (a, b) =>
        b.dots - a.dots ||
        verdictOrder[a.verdict] - verdictOrder[b.verdict] ||
        (b.mean ?? -1) - (a.mean ?? -1) ||
        a.title.localeCompare(b.title) ||
        a.cardId.localeCompare(b.cardId),
    )
}
