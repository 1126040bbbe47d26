import { isDeepStrictEqual } from 'node:util'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  createCard,
  deleteCard,
  getCanvasArray,
  getCards,
  getCatchballLog,
  getComments,
  getMeta,
  setCardText,
  updateCard,
} from '../../shared/boardDoc.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest, syncedClients } from '../support/serverPerTest.ts'
import type { TestServer } from '../support/testServer.ts'
import { connectClient, eventually, waitForSync, type YClient } from '../support/yClient.ts'

// Unloaded as soon as the last person leaves, so a later join reads the compacted log.
const perTest = serverPerTest({ ROOM_UNLOAD_DELAY_MS: 0 })

/** Everything on the board (a Y.Doc's own toJSON lists only the types this copy has read). */
function boardContent(doc: Y.Doc): unknown {
  return {
    meta: getMeta(doc).toJSON(),
    cards: getCards(doc).toJSON(),
    comments: getComments(doc).toJSON(),
    catchball: getCatchballLog(doc).toJSON(),
    canvas: getCanvasArray(doc).toJSON(),
  }
}

/**
 * Someone opens the board holding nothing (a stock y-websocket client, empty state vector).
 * Resolves with their document as it was the moment their provider reported itself synced:
 * what the board page reconciles tldraw's default records against, so it must be the whole
 * board then, not most of it with the rest on its way.
 */
async function joinAndCaptureAtSync(
  server: TestServer,
  boardId: string,
  token: string,
): Promise<{ client: YClient; atSync: unknown }> {
  const client = connectClient(server.wsUrl, boardId, token)
  perTest.clients.push(client)
  let atSync: unknown = null
  client.provider.once('sync', () => {
    atSync = boardContent(client.doc)
  })
  await waitForSync(client)
  return { client, atSync }
}

/** Edits of every kind made to a board someone already synced. */
function editInEveryWay(doc: Y.Doc, ids: string[], round: number): void {
  setCardText(doc, ids[0], 'title', `Renamed in round ${round}`)
  setCardText(doc, ids[1], 'notes', `Notes typed in round ${round}`)
  updateCard(doc, ids[2], { status: round % 2 ? 'agreed' : 'proposed' })
  deleteCard(doc, ids.splice(3, 1)[0])
  ids.push(createCard(doc, { kind: 'keyResult', title: `Added in round ${round}` }))
}

/** Resolves once `watcher` holds what `writer` holds (the server has every edit by then). */
async function serverHasEverything(writer: YClient, watcher: YClient): Promise<void> {
  const expected = boardContent(writer.doc)
  await eventually(() => isDeepStrictEqual(boardContent(watcher.doc), expected), 5000, 'edits')
}

it('people joining a board being edited hold every edit the moment they are synced', async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 2)
  const [alice, bob] = await syncedClients(perTest, board.id, [
    participants[0].token,
    participants[1].token,
  ])
  const ids: string[] = []
  alice.doc.transact(() => {
    for (let i = 0; i < 60; i++) {
      ids.push(createCard(alice.doc, { kind: 'objective', title: `Objective ${i}` }))
    }
  })
  await serverHasEverything(alice, bob)

  // One joiner after another, each after more edits: renamed, typed, changed, deleted, added.
  for (let round = 1; round <= 4; round++) {
    editInEveryWay(alice.doc, ids, round)
    await serverHasEverything(alice, bob)
    const { atSync } = await joinAndCaptureAtSync(
      perTest.server,
      board.id,
      participants[round % 2].token,
    )
    expect(atSync, `joiner of round ${round}`).toEqual(boardContent(alice.doc))
  }

  // Edits adding up to more than a small share of the board: long notes on every card.
  alice.doc.transact(() => {
    for (const id of ids) setCardText(alice.doc, id, 'notes', `Why it matters: ${id} `.repeat(20))
  })
  await serverHasEverything(alice, bob)
  const { atSync } = await joinAndCaptureAtSync(perTest.server, board.id, participants[0].token)
  expect(atSync).toEqual(boardContent(alice.doc))
  expect(getCards(alice.doc).size).toBe(60)
})

it('a board read back from disk, then edited, reaches the next joiner whole', async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 2)
  const [first] = await syncedClients(perTest, board.id, [participants[0].token])
  const ids: string[] = []
  first.doc.transact(() => {
    for (let i = 0; i < 200; i++) {
      ids.push(createCard(first.doc, { kind: 'objective', title: `Objective ${i}` }))
    }
  })
  const expectedAtUnload = boardContent(first.doc)
  // Give the server the edits, then leave: the room unloads and its log is compacted.
  const check = connectClient(perTest.server.wsUrl, board.id, participants[1].token)
  perTest.clients.push(check)
  await waitForSync(check)
  await serverHasEverything(first, check)
  first.destroy()
  check.destroy()
  await new Promise((resolve) => setTimeout(resolve, 300))

  const { client: alice, atSync: aliceAtSync } = await joinAndCaptureAtSync(
    perTest.server,
    board.id,
    participants[0].token,
  )
  expect(aliceAtSync).toEqual(expectedAtUnload)
  editInEveryWay(alice.doc, ids, 1)
  const { client: bob } = await joinAndCaptureAtSync(
    perTest.server,
    board.id,
    participants[1].token,
  )
  await serverHasEverything(alice, bob)

  editInEveryWay(alice.doc, ids, 2)
  await serverHasEverything(alice, bob)
  const { atSync } = await joinAndCaptureAtSync(perTest.server, board.id, participants[0].token)
  expect(atSync).toEqual(boardContent(alice.doc))
})
