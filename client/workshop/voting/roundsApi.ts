import { ApiError } from '../../api.ts'
import type {
  BallotContent,
  OpenRoundBody,
  PublishedRound,
  Tally,
} from '../../../shared/votingSchemas.ts'

/**
 * The rounds API (server/routes/rounds.ts): the server checks identity, role and budget;
 * every failure is an ApiError carrying the server's own message.
 */
export interface RoundDetails {
  round: PublishedRound
  voters: number
  myBallot: BallotContent | null
  tally: Tally | null
  ballots: Record<string, BallotContent> | null
}

async function call<T>(
  token: string,
  path: string,
  method: 'GET' | 'POST' | 'PUT',
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    authorization: `Bearer ${token}`,
  }
  const init: RequestInit = { method, headers }
  if (body !== undefined) {
    headers['content-type'] = 'application/json'
    init.body = JSON.stringify(body)
  }
  let response: Response
  try {
    response = await fetch(path, init)
  } catch {
    throw new ApiError('Cannot reach the Catchball server. Check your connection.', 0, 'network')
  }
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error
    throw new ApiError(
      typeof error?.message === 'string'
        ? error.message
        : `The server answered ${response.status}.`,
      response.status,
      typeof error?.code === 'string' ? error.code : `http_${response.status}`,
    )
  }
  return payload as T
}

const roundsPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/rounds`
const roundPath = (boardId: string, roundId: string) =>
  `${roundsPath(boardId)}/${encodeURIComponent(roundId)}`

export function openRound(token: string, boardId: string, body: OpenRoundBody) {
  return call<{ round: PublishedRound }>(token, roundsPath(boardId), 'POST', body)
}

export function getRoundDetails(token: string, boardId: string, roundId: string) {
  return call<RoundDetails>(token, roundPath(boardId, roundId), 'GET')
}

export function putBallot(token: string, boardId: string, roundId: string, ballot: BallotContent) {
  return call<{ ballot: BallotContent }>(
    token,
    `${roundPath(boardId, roundId)}/ballot`,
    'PUT',
    ballot,
  )
}

export function closeRound(token: string, boardId: string, roundId: string) {
  return call<{ round: PublishedRound }>(token, `${roundPath(boardId, roundId)}/close`, 'POST')
}

export function revealRound(token: string, boardId: string, roundId: string) {
  return call<{ round: PublishedRound }>(token, `${roundPath(boardId, roundId)}/reveal`, 'POST')
}
