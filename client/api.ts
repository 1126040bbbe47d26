import type { Role } from './board/BoardContext.tsx'

/**
 * Fetch helpers for the HTTP API. Every failure becomes an `ApiError` carrying the server's
 * own message (from `{ error: { code, message } }`), so pages can show it as-is.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string

  constructor(message: string, status: number, code: string) {
    super(message)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

export interface RoleTokens {
  facilitator: string
  participant: string
  viewer: string
}

export interface CreatedBoard {
  id: string
  title: string
  createdAt: string
  tokens: RoleTokens
  links: RoleTokens
}

export interface JoinedParticipant {
  participantId: string
  name: string
  role: Role
  token: string
}

export interface BoardInfo {
  id: string
  title: string
  createdAt: string
  finalizedVersion: number | null
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT'
  body?: unknown
  token?: string
}

async function requestJson<T>(path: string, { method = 'GET', body, token }: RequestOptions = {}) {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  if (token) headers.authorization = `Bearer ${token}`

  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    // fetch only rejects when no response arrived at all (offline, server down).
    throw new ApiError('Cannot reach the Catchball server. Check your connection.', 0, 'network')
  }

  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) throw errorFromPayload(payload, response.status)
  return payload as T
}

function errorFromPayload(payload: unknown, status: number): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown } } | null)?.error
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : `The server answered ${status}.`
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`
  return new ApiError(message, status, code)
}

export function createBoard(input: { title: string; template?: string }): Promise<CreatedBoard> {
  return requestJson<CreatedBoard>('/api/boards', { method: 'POST', body: input })
}

export function joinBoard(
  boardId: string,
  input: { name: string; token: string },
): Promise<JoinedParticipant> {
  return requestJson<JoinedParticipant>(`/api/boards/${encodeURIComponent(boardId)}/participants`, {
    method: 'POST',
    body: input,
  })
}

export function getBoard(boardId: string, token: string): Promise<BoardInfo> {
  return requestJson<BoardInfo>(`/api/boards/${encodeURIComponent(boardId)}`, { token })
}
