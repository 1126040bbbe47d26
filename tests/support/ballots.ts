import type { BallotRecord } from '../../server/storage/database.ts'

/** A dots ballot in round r1 putting `dots` on card1, as the ballot log stores it. */
export const dotsBallot = (participantId: string, dots: number): BallotRecord => ({
  roundId: 'r1',
  participantId,
  content: { allocations: { card1: dots } },
  updatedAt: '2025-01-01T00:00:00.000Z',
})
