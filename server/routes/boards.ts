import type { FastifyInstance, FastifyRequest } from 'fastify'
import { boardIdParams, createBoardBody, joinBoardBody } from '../../shared/apiSchemas.ts'
import { randomId } from '../../shared/ids.ts'
import type { Role } from '../../shared/roles.ts'
import { accessOf, roleOfRoleToken } from '../auth/access.ts'
import { bearerToken, hashToken, newToken } from '../auth/tokens.ts'
import { createBoard } from '../boards/createBoard.ts'
import { forbidden, notFound, tooMany, unauthorized, unavailable } from '../errors.ts'
import { pickStateEncoding } from '../rooms/stateDownload.ts'
import { CorruptLogError } from '../storage/updateLog.ts'
import type { AppContext } from '../appContext.ts'
import { parseInput } from './parse.ts'

/** Boards and joining: create a board, read it, join it as a participant. */
export function registerBoardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, config } = ctx

  app.post('/api/boards', async (request, reply) => {
    const body = parseInput(createBoardBody, request.body, 'board')
    const board = await createBoard(ctx, body.title, body.template ?? 'catchball')
    request.log.info({ boardId: board.id, template: board.template }, 'board created')
    return reply.code(201).send(board)
  })

  app.get('/api/boards/:id', async (request) => {
    const { board } = requireBoardAccess(ctx, request)
    return {
      id: board.id,
      title: board.title,
      createdAt: board.createdAt,
      template: board.template,
      finalizedVersion: board.finalizedVersion,
    }
  })

  // The board's whole document as one Yjs update, compressed: what a browser opening the
  // board for the first time downloads before connecting its socket (see stateDownload.ts).
  app.get('/api/boards/:id/document', async (request, reply) => {
    const { board } = requireParticipant(ctx, request)
    const encoding = pickStateEncoding(request.headers['accept-encoding'])
    const room = await ctx.rooms.acquire(board.id, 'board').catch((err: unknown) => {
      if (err instanceof CorruptLogError) throw unavailable('this board cannot be read')
      throw err
    })
    try {
      reply
        .header('content-type', 'application/octet-stream')
        .header('cache-control', 'no-store')
        .header('vary', 'accept-encoding')
      if (!encoding) {
        const whole = room.wholeState()
        return reply.send(Buffer.from(whole.buffer, whole.byteOffset, whole.byteLength))
      }
      const body = await room.compressedState(encoding)
      return reply.header('content-encoding', encoding).send(body)
    } finally {
      ctx.rooms.scheduleUnloadIfEmpty(room)
    }
  })

  app.post('/api/boards/:id/participants', async (request, reply) => {
    const { id } = parseInput(boardIdParams, request.params, 'board id')
    const board = db.getBoard(id)
    if (!board) throw notFound()
    const body = parseInput(joinBoardBody, request.body, 'join request')
    const role = roleOfRoleToken(board, body.token)
    if (!role) throw unauthorized('this link is not valid for this board')
    if (db.countParticipants(id) >= config.MAX_PARTICIPANTS_PER_BOARD) {
      throw tooMany('this board is full')
    }
    const token = newToken()
    const participantId = randomId()
    await db.addParticipant({
      id: participantId,
      boardId: id,
      name: body.name,
      role,
      tokenHash: hashToken(token),
      joinedAt: new Date().toISOString(),
    })
    request.log.info({ boardId: id, participantId, role }, 'participant joined')
    return reply.code(201).send({ participantId, name: body.name, role, token })
  })
}

/**
 * The board named in the route and the caller's access to it. Unknown board → 404 whatever
 * the token; missing or foreign token → 401.
 */
export function requireBoardAccess(ctx: AppContext, request: FastifyRequest) {
  const { id } = parseInput(boardIdParams, request.params, 'board id')
  const board = ctx.db.getBoard(id)
  if (!board) throw notFound()
  const token = bearerToken(request.headers.authorization)
  if (!token) throw unauthorized()
  const access = accessOf(ctx.db, board, token)
  if (!access) throw unauthorized()
  return { board, access }
}

/** Like requireBoardAccess, but only a personal token (a joined person) will do. */
export function requireParticipant(
  ctx: AppContext,
  request: FastifyRequest,
  allowed?: readonly Role[],
) {
  const { board, access } = requireBoardAccess(ctx, request)
  if (!access.participant)
    throw unauthorized('join the board first: role links are only for joining')
  if (allowed && !allowed.includes(access.participant.role)) throw forbidden()
  return { board, participant: access.participant }
}
