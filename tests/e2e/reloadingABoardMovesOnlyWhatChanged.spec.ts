import type { Page, WebSocket } from '@playwright/test'
import { boardWithLastQuartersOkrs, CARDS } from './support/bigBoard.ts'
import { joinViaLink, waitForBoardReady } from './support/boardFlows.ts'
import { readCardIds, readCards } from './support/boardState.ts'
import { cardTitle, typeAtEnd } from './support/cards.ts'
import { expect, test } from './support/fixtures.ts'
import { withTestApi } from './support/testApi.ts'

const bytes = (payload: string | Buffer) =>
  typeof payload === 'string' ? Buffer.from(payload) : payload

/** The frames of the page's board socket (not the control one), from the next one opened. */
function watchBoardSocket(page: Page, boardId: string) {
  const frames = { sent: [] as Buffer[], received: [] as Buffer[] }
  page.on('websocket', (socket: WebSocket) => {
    if (new URL(socket.url()).pathname !== `/yjs/${boardId}`) return
    socket.on('framesent', ({ payload }) => frames.sent.push(bytes(payload)))
    socket.on('framereceived', ({ payload }) => frames.received.push(bytes(payload)))
  })
  return frames
}

/** Well past the sockets' own connect time, well within the 1.5 s they wait for a copy. */
const SLOW_INDEXEDDB_MS = 600

const largest = (frames: Buffer[]) => Math.max(0, ...frames.map((frame) => frame.length))

/**
 * Runs in the page before its scripts: IndexedDB answers `open` `ms` later than it would, as
 * on a busy machine. Without the sockets waiting for the local copy, they would connect and
 * sync before the board is restored from it, however quick IndexedDB happens to be here.
 */
const slowIndexedDb = (ms: number) => `
(() => {
  const open = IDBFactory.prototype.open
  IDBFactory.prototype.open = function (...args) {
    const request = open.apply(this, args)
    let onsuccess = null
    Object.defineProperty(request, 'onsuccess', {
      get: () => onsuccess,
      set: (handler) => { onsuccess = handler },
    })
    request.addEventListener('success', (event) => {
      setTimeout(() => onsuccess && onsuccess.call(request, event), ${ms})
    })
    return request
  }
})()
`

test('reloading a 300-card board sends none of it back to the server and downloads none of it again', async ({
  newPerson,
}, testInfo) => {
  const fiona = await newPerson('Fiona Facilitator')
  const { page } = fiona
  const { boardId, links } = await boardWithLastQuartersOkrs(fiona, testInfo)
  // Cards imported here get their shapes a moment later; reload once they are saved.
  await expect
    .poll(() => withTestApi(page, (api) => api.doc.getArray('canvas').length, null))
    .toBeGreaterThan(CARDS)

  // A newcomer's browser holds nothing: it downloads the whole board (over HTTP, before
  // its socket connects; see client/board/downloadBoardDocument.ts).
  const nina = await newPerson('Nina Newcomer')
  const ninasDownload = nina.page.waitForResponse((response) =>
    new URL(response.url()).pathname.endsWith(`/api/boards/${boardId}/document`),
  )
  await joinViaLink(nina, links.participant)
  await expect.poll(async () => (await readCardIds(nina.page)).length).toBe(CARDS)
  const boardBytes = (await (await ninasDownload).body()).length
  expect(boardBytes).toBeGreaterThan(100_000)

  const frames = watchBoardSocket(page, boardId)
  const downloads: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/document')) downloads.push(request.url())
  })
  await page.addInitScript({ content: slowIndexedDb(SLOW_INDEXEDDB_MS) })
  await page.reload()
  await waitForBoardReady(page)
  await expect.poll(async () => (await readCardIds(page)).length).toBe(CARDS)

  // An edit after the reload: once Nina has it, whatever the reload sent before it is out.
  const [firstCard] = await readCardIds(page)
  await typeAtEnd(cardTitle(page, firstCard), ' reloaded')
  await expect
    .poll(async () => (await readCards(nina.page)).find((card) => card.id === firstCard)?.title)
    .toMatch(/ reloaded$/)

  // Fiona's board came from her browser's own copy: the server sent only what was missing
  // (nothing), and nothing the copy held went back up; no frame either way is as big as
  // ten cards' share of what the newcomer downloaded.
  // Nor was it downloaded over HTTP: that is for a browser that holds no copy.
  expect(downloads).toEqual([])
  const tenCards = (boardBytes / CARDS) * 10
  expect(largest(frames.received)).toBeLessThan(tenCards)
  expect(largest(frames.sent)).toBeLessThan(tenCards)
})
