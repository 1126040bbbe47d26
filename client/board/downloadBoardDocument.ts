/**
 * The board's whole document from the server (`GET /api/boards/:id/document`), as one Yjs
 * update, or null if it could not be had within `waitMs` (the socket's sync then brings
 * it, as before).
 *
 * Why: a browser opening a board it holds no copy of would get the whole document as the
 * socket's sync step 2, uncompressed (827 KiB for 1,000 cards). Over HTTP the browser
 * accepts brotli, and the same document comes as ~80 KiB: someone joining a remote workshop
 * from home waits for a tenth of the bytes. The socket then connects with the document's
 * state vector, and its sync carries only what changed since.
 */
export async function downloadBoardDocument(
  boardId: string,
  token: string,
  waitMs: number,
): Promise<Uint8Array | null> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), waitMs)
  try {
    const response = await fetch(`/api/boards/${encodeURIComponent(boardId)}/document`, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: controller.signal,
    })
    if (!response.ok) return null
    return new Uint8Array(await response.arrayBuffer())
  } catch {
    // Offline, aborted or refused: the socket decides what the person sees.
    return null
  } finally {
    clearTimeout(timer)
  }
}
