import type { z } from 'zod'
import { badRequest } from '../errors.ts'

/** Validate input with a zod schema; a failure is a 400 listing each problem with its path. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.infer<S> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const problems = parsed.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }))
  const summary = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')
  throw badRequest(`invalid ${what}: ${summary}`, problems)
}
