import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { getCards, createCard } from '../../shared/boardDoc.ts'
import { idSchema } from '../../shared/cardSchema.ts'
import { randomId } from '../../shared/ids.ts'
import { outcomeSchema } from '../../shared/outcomes/outcomeSchema.ts'
import { outcomeToCsv } from '../../shared/outcomes/toCsv.ts'
import { outcomeToMarkdown } from '../../shared/outcomes/toMarkdown.ts'
import { boardTemplateIds, type BoardTemplateId } from '../../shared/templates.ts'
import type { AppContext } from '../appContext.ts'
import { createBoard } from '../boards/createBoard.ts'
import { badRequest } from '../errors.ts'
import { cardsFromOutcome, parseCsvImport, parseJsonImport } from '../outcomes/parseImport.ts'
import type { OutcomeService } from '../outcomes/OutcomeService.ts'
import { requireParticipant } from './boards.ts'
import { parseInput } from './parse.ts'

const versionParams = z.object({
  id: idSchema,
  version: z.coerce.number().int().min(1).max(1_000_000),
})
const formatQuery = z.object({ format: z.enum(['json', 'md', 'csv']).default('json') })
const finalizeBody = z.object({ note: z.string().max(2000).optional() }).strict()
const importBody = z.object({ format: z.enum(['json', 'csv']), content: z.unknown() }).strict()
const nextCycleBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    /** Defaults to the source board's template (a PDCA retro's next cycle may be a catchball). */
    template: z.enum(boardTemplateIds).optional(),
  })
  .strict()

const contentTypes = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const

/** Finalize, list, export and import outcome sets; start the next cycle from one. */
export function registerOutcomeRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  outcomes: OutcomeService,
): void {
  app.get('/api/schema/outcomes.json', async () =>
    z.toJSONSchema(outcomeSchema, { target: 'draft-2020-12' }),
  )

  app.post('/api/boards/:id/outcomes', async (request, reply) => {
    const { board, participant } = requireParticipant(ctx, request, ['facilitator'])
    const body = parseInput(finalizeBody, request.body ?? {}, 'finalize request')
    const { record, outcome } = await outcomes.finalize(board, participant, body.note ?? '')
    return reply.code(201).send({
      version: record.version,
      createdAt: record.createdAt,
      hash: record.hash,
      outcome,
      invalidCards: outcome.decisions.invalidCards,
    })
  })

  app.get('/api/boards/:id/outcomes', async (request) => {
    const { board } = requireParticipant(ctx, request)
    return {
      outcomes: outcomes
        .list(board.id)
        .map(({ version, createdAt, hash, note }) => ({ version, createdAt, hash, note })),
    }
  })

  app.get('/api/boards/:id/outcomes/:version', async (request, reply) => {
    const { board } = requireParticipant(ctx, request)
    const { version } = parseInput(versionParams, request.params, 'version')
    const { format } = parseInput(formatQuery, request.query, 'query')
    const record = outcomes.get(board.id, version)
    const body =
      format === 'json'
        ? record.json
        : format === 'md'
          ? outcomeToMarkdown(outcomes.parse(record))
          : outcomeToCsv(outcomes.parse(record))
    const filename = `${board.title.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'okrs'}-v${version}.${format}`
    return reply
      .header('content-type', contentTypes[format])
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('x-content-hash', record.hash)
      .send(body)
  })

  app.post('/api/boards/:id/import', async (request, reply) => {
    const { board } = requireParticipant(ctx, request, ['facilitator', 'participant'])
    const body = parseInput(importBody, request.body, 'import request')
    const result =
      body.format === 'csv'
        ? typeof body.content === 'string'
          ? parseCsvImport(body.content)
          : {
              ok: false as const,
              problems: [{ path: 'content', message: 'CSV content must be a string' }],
            }
        : parseJsonImport(typeof body.content === 'string' ? safeJson(body.content) : body.content)
    if (!result.ok)
      throw badRequest(
        `the ${body.format.toUpperCase()} file has ${result.problems.length} problem(s); nothing was imported`,
        result.problems,
      )
    const createdIds: string[] = []
    await ctx.rooms.change(board.id, 'board', (room) =>
      room.transactAsServer((doc) => {
        // Keep the file's ids where they are free, so export → import → export is stable;
        // otherwise give fresh ones and remap the parent links.
        const cards = getCards(doc)
        const idMap = new Map(
          result.cards.map((card) => [card.id!, cards.has(card.id!) ? randomId() : card.id!]),
        )
        for (const card of result.cards) {
          const parentId = card.parentId ? (idMap.get(card.parentId) ?? card.parentId) : null
          createdIds.push(createCard(doc, { ...card, id: idMap.get(card.id!), parentId }))
        }
      }),
    )
    return reply.code(201).send({ imported: createdIds.length, cardIds: createdIds })
  })

  app.post('/api/boards/:id/outcomes/:version/next-cycle', async (request, reply) => {
    const { board } = requireParticipant(ctx, request, ['facilitator'])
    const { version } = parseInput(versionParams, request.params, 'version')
    const body = parseInput(nextCycleBody, request.body ?? {}, 'next cycle request')
    const outcome = outcomes.parse(outcomes.get(board.id, version))
    // Agreed objectives come back as drafts: next quarter's catchball starts from them.
    const cards = cardsFromOutcome(outcome, 'draft')
    const created = await createBoard(
      ctx,
      body.title ?? `${board.title} (next cycle)`,
      body.template ?? (board.template as BoardTemplateId),
      (doc) => {
        for (const card of cards) createCard(doc, card)
      },
    )
    return reply
      .code(201)
      .send({ ...created, seededFrom: { boardId: board.id, version }, cards: cards.length })
  })
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch (err) {
    throw badRequest(`not valid JSON: ${(err as Error).message}`, [
      { path: '(root)', message: (err as Error).message },
    ])
  }
}
