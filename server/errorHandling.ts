import type { FastifyError, FastifyInstance } from 'fastify'
import { ApiError, errorBody } from './errors.ts'

const codeByStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
}

/** Every error leaves as `{ error: { code, message } }`; a 5xx never leaks internals. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.details))
    }
    const status = error.statusCode ?? 500
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed')
      return reply.code(500).send(errorBody('internal', 'something went wrong on the server'))
    }
    return reply.code(status).send(errorBody(codeByStatus[status] ?? 'bad_request', error.message))
  })
}
