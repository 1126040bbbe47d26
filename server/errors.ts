/**
 * The one error shape of the HTTP API: `{ error: { code, message } }` with a fitting status.
 * Route handlers throw ApiError; the app's error handler turns it (and Fastify's own
 * errors) into that shape.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, 'bad_request', message, details)
export const unauthorized = (message = 'missing token or token not valid for this board') =>
  new ApiError(401, 'unauthorized', message)
export const forbidden = (message = 'your role may not do this') =>
  new ApiError(403, 'forbidden', message)
export const notFound = (message = 'unknown board') => new ApiError(404, 'not_found', message)
export const conflict = (message: string) => new ApiError(409, 'conflict', message)
export const unprocessable = (message: string, details?: unknown) =>
  new ApiError(422, 'unprocessable', message, details)
export const tooMany = (message: string) => new ApiError(429, 'rate_limited', message)
export const unavailable = (message: string) => new ApiError(503, 'unavailable', message)

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown }
}

export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } }
}
