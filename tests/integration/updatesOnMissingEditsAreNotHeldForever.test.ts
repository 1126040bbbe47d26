import { brotliDecompressSync } from 'node:zlib'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCard, getCards, readCard, setCardText } from '../../shared/boardDoc.ts'
import { CloseCode } from '../../shared/closeCodes.ts'
import { pendingBytes } from '../../server/rooms/PendingUpdateLimit.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { downloadBoard } from '../support/boardDownload.ts'
import { updateFrame } from '../support/malformedCorpus.ts'
import { sendFrame } from '../support/sendFrame.ts'
import { serverPerTest, syncedClients } from '../support/serverPerTest.ts'
import { closeCodeOf, eventually } from '../support/yClient.ts'

const perTest = serverPerTest()

/**
 * A valid update from an invented client whose first `missing` characters were never sent:
 * Yjs cannot place it, and keeps it pending until they arrive (they never will).
 */
function updateAfterAGap(clientId: number, missing: number, text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  doc.getText('notes').insert(0, 'x'.repeat(missing))
  doc.getText('notes').insert(missing, text)
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(gapOf(clientId, missing)))
}

/** A document whose state vector says it holds `clock` structs of `clientId`. */
function gapOf(clientId: number, clock: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientId
  doc.getText('filler').insert(0, 'x'.repeat(clock))
  return doc
}

async function boardWithOneCard() {
  const { board, participants } = await boardWithPeople(perTest.server, 3)
  const [alice] = await syncedClients(perTest, board.id, [participants[0].token])
  const cardId = createCard(alice.doc, { kind: 'objective', title: 'Delight customers' })
  const room = () => perTest.server.context.rooms.loaded(board.id, 'board')!
  await eventually(() => getCards(room().doc).has(cardId), 5000, 'card to reach the server')
  const url = (person: number) =>
    `${perTest.server.wsUrl}/yjs/${board.id}?token=${participants[person].token}`
  return { board, participants, alice, cardId, room, url }
}

it('a stream of updates building on edits nobody sent closes its sender and leaves the board as it was', async () => {
  const { board, participants, alice, room, url } = await boardWithOneCard()
  const before = Y.encodeStateAsUpdate(room().doc)

  // 101 tiny updates, each from another invented client: one more than MAX_PENDING_UPDATES.
  const frames = Array.from({ length: 101 }, (_, i) =>
    updateFrame(updateAfterAGap(900_000 + i, 2, 'zz')),
  )
  expect(await closeCodeOf(url(1), frames)).toBe(CloseCode.Malformed)

  // Nothing of them is kept: the board is byte-identical and a newcomer gets no leftovers.
  expect(pendingBytes(room().doc)).toBe(0)
  expect(Y.encodeStateAsUpdate(room().doc)).toEqual(before)
  const [carol] = await syncedClients(perTest, board.id, [participants[2].token])
  expect(pendingBytes(carol.doc)).toBe(0)

  // Alice was never disturbed: her next card reaches Carol.
  expect(alice.provider.wsconnected).toBe(true)
  const next = createCard(alice.doc, { kind: 'keyResult', title: 'Answer within a day' })
  await eventually(() => getCards(carol.doc).has(next), 5000, 'alice’s next card to reach carol')
})

it('what was held when someone joined or downloaded the board reaches no later newcomer once dropped', async () => {
  const { board, participants, room, url } = await boardWithOneCard()
  const download = async () => {
    const res = await downloadBoard(perTest.server.url, board.id, participants[2].token, 'br')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, brotliDecompressSync(res.body))
    return doc
  }
  // One such update, then someone joining (sendFrame's probe) and a download: the board as
  // they were sent it holds it, still unplaced.
  expect(await sendFrame(url(1), updateFrame(updateAfterAGap(800_000, 2, 'zz')))).toBe('open')
  expect(pendingBytes(room().doc)).toBeGreaterThan(0)
  expect(pendingBytes(await download())).toBeGreaterThan(0)

  // Past the limit, all of it is dropped: nobody who comes later gets any of it.
  const frames = Array.from({ length: 101 }, (_, i) =>
    updateFrame(updateAfterAGap(900_000 + i, 2, 'zz')),
  )
  expect(await closeCodeOf(url(1), frames)).toBe(CloseCode.Malformed)
  expect(pendingBytes(room().doc)).toBe(0)
  const [carol] = await syncedClients(perTest, board.id, [participants[2].token])
  expect(pendingBytes(carol.doc)).toBe(0)
  expect(getCards(carol.doc).size).toBe(1)
  const downloaded = await download()
  expect(pendingBytes(downloaded)).toBe(0)
  expect(getCards(downloaded).size).toBe(1)
})

it('one large update building on edits nobody sent is refused at once', async () => {
  const { room, url } = await boardWithOneCard()
  const before = Y.encodeStateAsUpdate(room().doc)
  // 70 KB: more than MAX_PENDING_BYTES (64 KiB) in one frame.
  const frame = updateFrame(updateAfterAGap(900_001, 2, 'q'.repeat(70_000)))
  expect(await closeCodeOf(url(1), frame)).toBe(CloseCode.Malformed)
  expect(pendingBytes(room().doc)).toBe(0)
  expect(Y.encodeStateAsUpdate(room().doc)).toEqual(before)
})

it('two updates that arrive in the wrong order are both kept and nobody is closed', async () => {
  const { alice, room, url } = await boardWithOneCard()
  // Carol adds a card, then Bob edits it; after a server crash, Bob's edit may come first.
  const carolsDoc = new Y.Doc()
  Y.applyUpdate(carolsDoc, Y.encodeStateAsUpdate(room().doc))
  const updates: Uint8Array[] = []
  carolsDoc.on('update', (update: Uint8Array) => updates.push(update))
  const cardId = createCard(carolsDoc, { kind: 'objective', title: 'Ship' })
  setCardText(carolsDoc, cardId, 'title', 'Ship weekly')
  expect(updates).toHaveLength(2)

  expect(await sendFrame(url(1), updateFrame(updates[1]))).toBe('open')
  expect(pendingBytes(room().doc)).toBeGreaterThan(0)
  expect(await sendFrame(url(2), updateFrame(updates[0]))).toBe('open')

  expect(pendingBytes(room().doc)).toBe(0)
  await eventually(
    () =>
      getCards(alice.doc).has(cardId) &&
      readCard(cardId, getCards(alice.doc).get(cardId)!).title === 'Ship weekly',
    5000,
    'the card with its edited title to reach alice',
  )
})
