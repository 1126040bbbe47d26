import type { BallotContent, DotsTally, FistTally, Round } from '../../shared/votingSchemas.ts'

/** Dots per card, summed over ballots. */
export function tallyDots(ballots: BallotContent[]): DotsTally {
  const tally: DotsTally = {}
  for (const ballot of ballots) {
    if (!('allocations' in ballot)) continue
    for (const [cardId, dots] of Object.entries(ballot.allocations)) {
      if (dots > 0) tally[cardId] = (tally[cardId] ?? 0) + dots
    }
  }
  return tally
}

/** Fist-of-five distribution per card: counts of answers 0..5. */
export function tallyFist(ballots: BallotContent[]): FistTally {
  const tally: FistTally = {}
  for (const ballot of ballots) {
    if (!('answers' in ballot)) continue
    for (const [cardId, answer] of Object.entries(ballot.answers)) {
      const counts = (tally[cardId] ??= [0, 0, 0, 0, 0, 0])
      counts[answer]++
    }
  }
  return tally
}

export function tallyRound(round: Round, ballots: BallotContent[]): DotsTally | FistTally {
  return round.kind === 'dots' ? tallyDots(ballots) : tallyFist(ballots)
}

export type BallotProblem = { cardId?: string; message: string }

/**
 * Rule checks for a ballot against its round: budget, per-card cap, eligibility. Returns the
 * problems (empty when the ballot is acceptable) so the 422 can list every one.
 */
export function checkBallot(
  round: Round,
  ballot: BallotContent,
  isEligible: (cardId: string) => boolean,
): BallotProblem[] {
  const problems: BallotProblem[] = []
  const entries = Object.entries('allocations' in ballot ? ballot.allocations : ballot.answers)
  for (const [cardId] of entries) {
    if (!isEligible(cardId))
      problems.push({ cardId, message: `card ${cardId} is not eligible in this round` })
  }
  if ('allocations' in ballot) {
    let total = 0
    for (const [cardId, dots] of entries) {
      total += dots
      if (dots > round.maxPerCard) {
        problems.push({
          cardId,
          message: `at most ${round.maxPerCard} dots per card (${dots} on ${cardId})`,
        })
      }
    }
    if (total > round.votesPerPerson) {
      problems.push({
        message: `over budget: ${total} dots placed, ${round.votesPerPerson} allowed`,
      })
    }
  }
  return problems
}
