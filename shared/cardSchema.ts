import { z } from 'zod'
import { ID_PATTERN } from './ids.ts'

export const cardKinds = ['objective', 'keyResult', 'initiative', 'action'] as const
export const cardStatuses = ['draft', 'proposed', 'returned', 'agreed', 'dropped'] as const
export const commentKinds = ['feedback', 'question', 'concern', 'praise'] as const

export const idSchema = z.string().regex(ID_PATTERN, 'must match ^[A-Za-z0-9_-]{1,64}$')
export const cardKindSchema = z.enum(cardKinds)
export const cardStatusSchema = z.enum(cardStatuses)

export const metricSchema = z.object({
  from: z.number().finite(),
  to: z.number().finite(),
  current: z.number().finite(),
  unit: z.string().max(40),
})

/** A card as plain data: what `readCard` returns and what exports validate. */
export const cardSchema = z.object({
  id: idSchema,
  kind: cardKindSchema,
  title: z.string().max(2000),
  notes: z.string().max(20000),
  parentId: idSchema.nullable(),
  team: z.string().max(200),
  owner: z.string().max(200),
  status: cardStatusSchema,
  holder: z.string().max(200),
  metric: metricSchema.nullable(),
  milestone: z.boolean(),
  confidence: z.number().min(0).max(10),
  grade: z.number().min(0).max(1).nullable(),
  dueDate: z.string().max(40).nullable(),
  /** Position among siblings in the outline (lower first); absent means "by creation time". */
  order: z.number().finite().optional(),
  createdBy: z.string().max(200),
  createdAt: z.string(),
  updatedAt: z.string(),
})

export type CardKind = z.infer<typeof cardKindSchema>
export type CardStatus = z.infer<typeof cardStatusSchema>
export type Metric = z.infer<typeof metricSchema>
export type Card = z.infer<typeof cardSchema>

/** Fields other than the two texts that a client may set on a card. */
export type CardFields = Omit<Card, 'id' | 'title' | 'notes' | 'createdAt' | 'createdBy'>

export const commentSchema = z.object({
  id: idSchema,
  cardId: idSchema,
  author: z.string().max(200),
  text: z.string().max(5000),
  kind: z.enum(commentKinds),
  round: z.number().int().min(0),
  createdAt: z.string(),
  resolved: z.boolean(),
})
export type Comment = z.infer<typeof commentSchema>

export const catchballEntrySchema = z.object({
  cardId: idSchema,
  from: z.string(),
  to: z.string(),
  round: z.number().int().min(1),
  message: z.string(),
  at: z.string(),
  titleAtThrow: z.string(),
  notesAtThrow: z.string().optional(),
  /** The name of the person who threw. */
  by: z.string().optional(),
})
export type CatchballEntry = z.infer<typeof catchballEntrySchema>

/** Which kind of card may sit under which: the alignment tree. */
export const allowedParentKinds: Record<CardKind, readonly CardKind[]> = {
  objective: ['objective'],
  keyResult: ['objective'],
  initiative: ['keyResult'],
  action: ['keyResult'],
}

export const cardKindLabel: Record<CardKind, string> = {
  objective: 'Objective',
  keyResult: 'Key result',
  initiative: 'Initiative',
  action: 'Action',
}
