import { z } from 'zod'
import { idSchema } from './cardSchema.ts'

/** Dot-voting and fist-of-five rounds: request bodies and the shapes published to clients. */
export const roundKinds = ['dots', 'fist'] as const
export const roundStatuses = ['open', 'closed', 'revealed'] as const
export type RoundKind = (typeof roundKinds)[number]
export type RoundStatus = (typeof roundStatuses)[number]

export const openRoundBody = z
  .object({
    kind: z.enum(roundKinds),
    votesPerPerson: z.number().int().min(1).max(100).optional(),
    maxPerCard: z.number().int().min(1).max(100).optional(),
    sealed: z.boolean().optional(),
    anonymous: z.boolean().optional(),
    endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
    cardIds: z.array(idSchema).min(1).max(1000).nullable().optional(),
    title: z.string().max(200).optional(),
  })
  .strict()
export type OpenRoundBody = z.infer<typeof openRoundBody>

const countSchema = z.number().int().min(0).max(100)
export const dotsBallotBody = z.object({ allocations: z.record(idSchema, countSchema) }).strict()
export const fistBallotBody = z
  .object({ answers: z.record(idSchema, z.number().int().min(0).max(5)) })
  .strict()

export interface Round {
  id: string
  kind: RoundKind
  status: RoundStatus
  title: string
  votesPerPerson: number
  maxPerCard: number
  sealed: boolean
  anonymous: boolean
  endsAt: string | null
  cardIds: string[] | null
  createdAt: string
  closedAt: string | null
  revealedAt: string | null
}

export type DotsTally = Record<string, number>
/** For each card, how many people answered 0, 1, 2, 3, 4 and 5. */
export type FistTally = Record<string, [number, number, number, number, number, number]>
export type Tally = DotsTally | FistTally

export type BallotContent =
  { allocations: Record<string, number> } | { answers: Record<string, number> }

/** What the server publishes in the control document's `rounds` map, per round. */
export interface PublishedRound extends Round {
  voters: number
  /** null while a sealed round is not revealed: nobody, the facilitator included, sees it. */
  tally: Tally | null
  /** Per person, once a named round is revealed. */
  ballots: Record<string, BallotContent> | null
}
