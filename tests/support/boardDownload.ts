import { rawGet, type RawResponse } from './rawGet.ts'

/**
 * A browser's first-visit download of a board (`GET /api/boards/:id/document`), its body as
 * sent: `token` as the bearer, `acceptEncoding` as the header (each left out when not given).
 */
export function downloadBoard(
  serverUrl: string,
  boardId: string,
  token?: string,
  acceptEncoding?: string,
): Promise<RawResponse> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (acceptEncoding !== undefined) headers['accept-encoding'] = acceptEncoding
  return rawGet(`${serverUrl}/api/boards/${boardId}/document`, headers)
}
