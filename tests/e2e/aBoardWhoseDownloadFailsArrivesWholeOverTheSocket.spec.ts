import type { WebSocket } from '@playwright/test'
import { boardWithLastQuartersOkrs, CARDS } from './support/bigBoard.ts'
import { joinViaLink } from './support/boardFlows.ts'
import { readCards, type CardSnapshot } from './support/boardState.ts'
import { cardTitle, typeAtEnd } from './support/cards.ts'
import { expect, test } from './support/fixtures.ts'
import { withTestApi } from './support/testApi.ts'

const DOCUMENT_DOWNLOAD = /\/api\/boards\/[^/]+\/document$/

const byId = (cards: CardSnapshot[]) => cards.toSorted((a, b) => a.id.localeCompare(b.id))

test('someone whose download of a board in use fails gets all of it over the socket, the latest edit included', async ({
  newPerson,
}, testInfo) => {
  const fiona = await newPerson('Fiona Facilitator')
  const { boardId, links } = await boardWithLastQuartersOkrs(fiona, testInfo)
  await expect
    .poll(() => withTestApi(fiona.page, (api) => api.doc.getArray('canvas').length, null))
    .toBeGreaterThan(CARDS)

  // Nina opens the board as usual; the server keeps the whole state it made for her.
  const nina = await newPerson('Nina Newcomer')
  await joinViaLink(nina, links.participant)

  // Then Fiona edits a title: a change the server has, but that whole state does not.
  const [first] = (await readCards(fiona.page)).map((card) => card.id)
  await typeAtEnd(cardTitle(fiona.page, first), ' (revised)')
  await expect
    .poll(async () => (await readCards(nina.page)).find((card) => card.id === first)?.title)
    .toMatch(/ \(revised\)$/)

  // Omar's network drops the download, so his page connects holding nothing.
  const omar = await newPerson('Omar Outage')
  await omar.context.route(DOCUMENT_DOWNLOAD, (route) => route.abort('connectionreset'))
  const syncMessages: number[] = []
  omar.page.on('websocket', (socket: WebSocket) => {
    if (new URL(socket.url()).pathname !== `/yjs/${boardId}`) return
    socket.on('framereceived', ({ payload }) => {
      const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload
      if (bytes[0] === 0) syncMessages.push(bytes[1])
    })
  })
  await joinViaLink(omar, links.participant)

  // Everything Fiona holds is on his board, her latest edit included.
  await expect
    .poll(async () => byId(await readCards(omar.page)))
    .toEqual(byId(await readCards(fiona.page)))
  // The path this covers: the changes since that whole state (a sync update, 2) came just
  // before the whole state itself (sync step 2, 1), and the page still opened whole.
  const step2 = syncMessages.indexOf(1)
  expect(step2).toBeGreaterThan(0)
  expect(syncMessages[step2 - 1]).toBe(2)
})
