import { outcomeSchema, type Outcome } from '../../shared/outcomes/outcomeSchema.ts'
import { ApiError, type CreatedBoard } from '../api.ts'
import { filenameFromDisposition } from './fileNames.ts'
import type { ImportFormat } from './importFile.ts'

/**
 * The outcomes HTTP API, as the panel uses it. Every call carries the personal token;
 * failures become an `OutcomesApiError` with the server's message and its `details` (the
 * import route lists each problem there).
 */
export class OutcomesApiError extends ApiError {
  readonly details: unknown

  constructor(message: string, status: number, code: string, details: unknown) {
    super(message, status, code)
    this.name = 'OutcomesApiError'
    this.details = details
  }
}

export type ExportFormat = 'json' | 'md' | 'csv'

export interface OutcomeVersionSummary {
  version: number
  createdAt: string
  hash: string
  note: string
}

export interface FinalizeResult {
  version: number
  createdAt: string
  hash: string
  outcome: Outcome
  invalidCards: { id: string; problems: string[] }[]
}

export interface ImportResult {
  imported: number
  cardIds: string[]
}

const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`

async function send(
  path: string,
  token: string,
  init: { method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` }
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  } catch {
    throw new OutcomesApiError(
      'Cannot reach the Catchball server. Check your connection.',
      0,
      'network',
      undefined,
    )
  }
  if (!response.ok) throw await errorOf(response)
  return response
}

async function errorOf(response: Response): Promise<OutcomesApiError> {
  const payload: unknown = await response.json().catch(() => null)
  const error = (payload as { error?: Record<string, unknown> } | null)?.error
  const message =
    typeof error?.message === 'string' && error.message
      ? error.message
      : `The server answered ${response.status}.`
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`
  return new OutcomesApiError(message, response.status, code, error?.details)
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T
}

export async function finalizeOutcome(
  boardId: string,
  token: string,
  note: string,
): Promise<FinalizeResult> {
  const body = note.trim() ? { note: note.trim() } : {}
  return json(await send(`${boardPath(boardId)}/outcomes`, token, { method: 'POST', body }))
}

export async function listOutcomeVersions(
  boardId: string,
  token: string,
): Promise<OutcomeVersionSummary[]> {
  const result = await json<{ outcomes: OutcomeVersionSummary[] }>(
    await send(`${boardPath(boardId)}/outcomes`, token),
  )
  return result.outcomes
}

/** One version's outcome set, checked against the schema (a read boundary). */
export async function fetchOutcome(
  boardId: string,
  token: string,
  version: number,
): Promise<Outcome> {
  const response = await send(`${boardPath(boardId)}/outcomes/${version}?format=json`, token)
  const parsed = outcomeSchema.safeParse(await response.json())
  if (!parsed.success) {
    throw new OutcomesApiError(
      `Version ${version} does not match the outcome schema.`,
      200,
      'invalid_outcome',
      parsed.error.issues,
    )
  }
  return parsed.data
}

/** An export as a file: its bytes and the name the server gave it. */
export async function fetchExport(
  boardId: string,
  token: string,
  version: number,
  format: ExportFormat,
): Promise<{ blob: Blob; fileName: string }> {
  const response = await send(`${boardPath(boardId)}/outcomes/${version}?format=${format}`, token)
  const fileName =
    filenameFromDisposition(response.headers.get('content-disposition')) ??
    `okrs-v${version}.${format}`
  return { blob: await response.blob(), fileName }
}

export async function importCards(
  boardId: string,
  token: string,
  format: ImportFormat,
  content: string,
): Promise<ImportResult> {
  return json(
    await send(`${boardPath(boardId)}/import`, token, {
      method: 'POST',
      body: { format, content },
    }),
  )
}

export async function createNextCycleBoard(
  boardId: string,
  token: string,
  version: number,
  title?: string,
): Promise<CreatedBoard> {
  const body = title?.trim() ? { title: title.trim() } : {}
  return json(
    await send(`${boardPath(boardId)}/outcomes/${version}/next-cycle`, token, {
      method: 'POST',
      body,
    }),
  )
}
