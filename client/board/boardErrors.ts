import { CloseCode } from '../../shared/closeCodes.ts'

/**
 * What to tell a person when the server refuses the board, from a WebSocket close code
 * (shared/closeCodes.ts) or the HTTP status of the same refusal.
 */
export interface BoardError {
  title: string
  message: string
  /** Waiting can help (busy server, transient failure): offer "Try again". */
  retryable: boolean
  /** The stored personal token is useless: offer to forget it so a new link can be used. */
  staleSession: boolean
}

const LINK_INVALID: BoardError = {
  title: 'This link is no longer valid',
  message: 'Ask the facilitator for a new one.',
  retryable: false,
  staleSession: true,
}

const NOT_FOUND: BoardError = {
  title: 'This board does not exist',
  message: 'Check the link you were given, or ask the facilitator for a new one.',
  retryable: false,
  staleSession: true,
}

export function errorForCloseCode(code: number): BoardError {
  switch (code) {
    case CloseCode.Unauthorized:
      return LINK_INVALID
    case CloseCode.NotFound:
      return NOT_FOUND
    case CloseCode.Malformed:
      return {
        title: 'This board address is not valid',
        message: 'The link looks damaged. Ask the facilitator to send it again.',
        retryable: false,
        staleSession: false,
      }
    case CloseCode.TooLarge:
      return {
        title: 'A change was too large to send',
        message:
          'The server refused a change because it was too big (a large image?). Reload to continue without it.',
        retryable: true,
        staleSession: false,
      }
    case CloseCode.RateLimited:
      return {
        title: 'This board is busy right now',
        message: 'Too many people or requests at once. Wait a minute and try again.',
        retryable: true,
        staleSession: false,
      }
    case CloseCode.Unavailable:
      return {
        title: 'This board cannot be loaded',
        message:
          'The server could not read this board’s stored data. Other boards still work; tell whoever runs Catchball.',
        retryable: true,
        staleSession: false,
      }
    default:
      return {
        title: 'The server closed the connection',
        message: `The connection was refused (code ${code}).`,
        retryable: true,
        staleSession: false,
      }
  }
}

/** Null for statuses that say nothing about the board itself (5xx, network): keep going. */
export function errorForHttpStatus(status: number): BoardError | null {
  if (status === 401 || status === 403) return LINK_INVALID
  if (status === 404) return NOT_FOUND
  if (status === 400) return errorForCloseCode(CloseCode.Malformed)
  return null
}

/** The canvas's code (a chunk of its own) failed to download. */
export const WORKSPACE_NOT_LOADED: BoardError = {
  title: 'The board could not be opened',
  message: 'Part of the app failed to download. Check your connection and try again.',
  retryable: true,
  staleSession: false,
}
