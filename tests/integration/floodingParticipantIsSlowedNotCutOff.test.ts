import { expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { createCard, getCards } from '../../shared/boardDoc.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { updateFrame } from '../support/malformedCorpus.ts'
import { serverPerTest, syncedClients } from '../support/serverPerTest.ts'
import { eventually } from '../support/yClient.ts'

// A small budget, so the flood is over it after 20 messages and takes ~2 s to read in full.
const perTest = serverPerTest({ WS_MESSAGES_PER_SECOND: 100, WS_MESSAGE_BURST: 20 })
const FLOOD = 200

/** FLOOD valid updates, one card each, in the order they were made (each builds on the last). */
function cardByCardUpdates(): { frames: Uint8Array[]; cardIds: string[] } {
  const doc = new Y.Doc()
  const frames: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => frames.push(updateFrame(update)))
  const cardIds = Array.from({ length: FLOOD }, (_, i) =>
    createCard(doc, { kind: 'objective', title: `Flood ${i + 1}` }),
  )
  return { frames, cardIds }
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { perMessageDeflate: false })
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

it("a participant sending far more than a client does is read more slowly: the others' edits overtake the flood, and none of it is lost", async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 3)
  const [alice, bob] = await syncedClients(perTest, board.id, [
    participants[0].token,
    participants[1].token,
  ])
  const flood = cardByCardUpdates()
  const flooder = await openSocket(
    `${perTest.server.wsUrl}/yjs/${board.id}?token=${participants[2].token}`,
  )
  let closeCode: number | null = null
  flooder.on('close', (code) => (closeCode = code))
  for (const frame of flood.frames) flooder.send(frame)
  // The whole flood has left the flooder before Bob types.
  await eventually(() => flooder.bufferedAmount === 0, 5000, 'the flood to be written')

  const bobsCard = createCard(bob.doc, { kind: 'keyResult', title: 'Answer within a day' })
  await eventually(() => getCards(alice.doc).has(bobsCard), 5000, 'bob’s card to reach alice')
  const floodSeenWithBobsCard = flood.cardIds.filter((id) => getCards(alice.doc).has(id)).length
  expect(floodSeenWithBobsCard).toBeLessThan(FLOOD)

  // Slowed, not dropped: every flooded card arrives, and the flooder was never closed.
  await eventually(
    () => flood.cardIds.every((id) => getCards(alice.doc).has(id)),
    15_000,
    'every flooded card to reach alice',
  )
  expect(closeCode).toBeNull()
  expect(flooder.readyState).toBe(WebSocket.OPEN)
  flooder.close()
})
