import { z } from 'zod'
import { cardStatusSchema, idSchema, metricSchema } from '../cardSchema.ts'

/**
 * The outcome set: what a finalize freezes and what exports carry. Its JSON Schema is
 * generated from this file and published at GET /api/schema/outcomes.json.
 */
const fistDistribution = z.tuple([
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
  z.number(),
])

export const consensusSchema = z
  .object({
    /** Counts of answers 0..5 from the latest revealed fist-of-five round on this card. */
    distribution: fistDistribution,
    /** 'consensus' when every answer is ≥ 3, 'discuss' when any is ≤ 2. */
    verdict: z.enum(['consensus', 'discuss']),
  })
  .nullable()

export const outcomeInitiativeSchema = z.object({
  id: idSchema,
  title: z.string(),
  notes: z.string(),
  owner: z.string(),
  status: cardStatusSchema,
})

export const outcomeKeyResultSchema = z.object({
  id: idSchema,
  title: z.string(),
  notes: z.string(),
  owner: z.string(),
  metric: metricSchema.nullable(),
  milestone: z.boolean(),
  confidence: z.number().min(0).max(10),
  grade: z.number().min(0).max(1).nullable(),
  initiatives: z.array(outcomeInitiativeSchema),
  qualityHints: z.array(z.string()),
})

export const outcomeObjectiveSchema = z.object({
  id: idSchema,
  title: z.string(),
  notes: z.string(),
  team: z.string(),
  owner: z.string(),
  /** The objective this one aligns to (alignment between levels), if any. */
  parentId: idSchema.nullable(),
  /** Dots from revealed or live voting rounds. */
  votes: z.number().int().min(0),
  consensus: consensusSchema,
  /** How many times this card was thrown in catchball. */
  catchballRounds: z.number().int().min(0),
  keyResults: z.array(outcomeKeyResultSchema),
  qualityHints: z.array(z.string()),
})

export const outcomeActionSchema = z.object({
  id: idSchema,
  title: z.string(),
  notes: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  /** The key result this countermeasure adjusts. */
  keyResultId: idSchema.nullable(),
  status: cardStatusSchema,
})

export const outcomeParticipantSchema = z.object({ name: z.string(), role: z.string() })

export const outcomeRoundSchema = z.object({
  id: z.string(),
  kind: z.enum(['dots', 'fist']),
  title: z.string(),
  status: z.string(),
  voters: z.number().int().min(0),
  tally: z.record(z.string(), z.union([z.number(), fistDistribution])).nullable(),
})

export const outcomeSchema = z.object({
  version: z.number().int().min(1),
  createdAt: z.string(),
  note: z.string(),
  board: z.object({ id: idSchema, title: z.string() }),
  objectives: z.array(outcomeObjectiveSchema),
  /** Open actions (countermeasures), carried into the next cycle. */
  actions: z.array(outcomeActionSchema),
  participants: z.array(outcomeParticipantSchema),
  decisions: z.object({
    finalizedAt: z.string(),
    finalizedBy: z.string(),
    rounds: z.array(outcomeRoundSchema),
    catchballThrows: z.number().int().min(0),
    qualityHintCount: z.number().int().min(0),
    /** Cards that failed validation and so are not in this outcome. */
    invalidCards: z.array(z.object({ id: z.string(), problems: z.array(z.string()) })),
  }),
})

export type Outcome = z.infer<typeof outcomeSchema>
export type OutcomeObjective = z.infer<typeof outcomeObjectiveSchema>
export type OutcomeKeyResult = z.infer<typeof outcomeKeyResultSchema>
export type OutcomeAction = z.infer<typeof outcomeActionSchema>
