import { z } from 'zod'
import { idSchema } from './cardSchema.ts'
import { boardTemplateIds } from './templates.ts'

/** Request bodies of the HTTP API, validated on the server and reused by the client. */
export const createBoardBody = z.object({
  title: z.string().trim().min(1, 'title is required').max(200),
  template: z.enum(boardTemplateIds).optional(),
})
export type CreateBoardBody = z.infer<typeof createBoardBody>

export const joinBoardBody = z.object({
  name: z.string().trim().min(1, 'name is required').max(80),
  token: z.string().min(1, 'token is required').max(200),
})
export type JoinBoardBody = z.infer<typeof joinBoardBody>

export const boardIdParams = z.object({ id: idSchema })
