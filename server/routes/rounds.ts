import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { idSchema } from '../../shared/cardSchema.ts'
import { dotsBallotBody, fistBallotBody, openRoundBody } from '../../shared/votingSchemas.ts'
import type { AppContext } from '../appContext.ts'
import type { RoundService } from '../voting/RoundService.ts'
import { requireParticipant } from './boards.ts'
import { parseInput } from './parse.ts'

const roundParams = z.object({ id: idSchema, roundId: idSchema })

/** Dot-voting and fist-of-five rounds; the server checks identity and budget. */
export function registerRoundRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  rounds: RoundService,
): void {
  app.post('/api/boards/:id/rounds', async (request, reply) => {
    const { board } = requireParticipant(ctx, request, ['facilitator'])
    const body = parseInput(openRoundBody, request.body, 'round')
    const round = await rounds.open(board.id, body)
    return reply.code(201).send({ round: rounds.published(round) })
  })

  app.get('/api/boards/:id/rounds', async (request) => {
    const { board } = requireParticipant(ctx, request)
    return { rounds: rounds.listRounds(board.id).map((round) => rounds.published(round)) }
  })

  app.get('/api/boards/:id/rounds/:roundId', async (request) => {
    const { board, participant } = requireParticipant(ctx, request)
    const { roundId } = parseInput(roundParams, request.params, 'round id')
    const round = rounds.getRound(board.id, roundId)
    const published = rounds.published(round)
    const mine = rounds.ballotOf(round.id, participant.id)
    return {
      round: published,
      voters: published.voters,
      myBallot: mine?.content ?? null,
      tally: published.tally,
      ballots: published.ballots,
    }
  })

  app.put('/api/boards/:id/rounds/:roundId/ballot', async (request) => {
    const { board, participant } = requireParticipant(ctx, request, ['facilitator', 'participant'])
    const { roundId } = parseInput(roundParams, request.params, 'round id')
    const round = rounds.getRound(board.id, roundId)
    const content =
      round.kind === 'dots'
        ? parseInput(dotsBallotBody, request.body, 'ballot')
        : parseInput(fistBallotBody, request.body, 'ballot')
    const ballot = await rounds.putBallot(round, participant, content)
    return { ballot: { roundId: ballot.roundId, ...ballot.content, updatedAt: ballot.updatedAt } }
  })

  for (const action of ['close', 'reveal'] as const) {
    app.post(`/api/boards/:id/rounds/:roundId/${action}`, async (request) => {
      const { board } = requireParticipant(ctx, request, ['facilitator'])
      const { roundId } = parseInput(roundParams, request.params, 'round id')
      const round = rounds.getRound(board.id, roundId)
      const updated = action === 'close' ? await rounds.close(round) : await rounds.reveal(round)
      return { round: rounds.published(updated) }
    })
  }
}
