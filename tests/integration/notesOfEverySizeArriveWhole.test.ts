import { expect, it } from 'vitest'
import { createCard, getCards, readCard, setCardText } from '../../shared/boardDoc.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest, syncedClients } from '../support/serverPerTest.ts'
import { eventually } from '../support/yClient.ts'

const perTest = serverPerTest()

/**
 * Letters that never repeat their neighbour, so a frame cut short or shifted would not pass
 * for the right text. (Notes hold up to 20,000 characters.)
 */
const text = (size: number, seed: number) =>
  Array.from({ length: size }, (_, i) => String.fromCharCode(97 + ((i * 7 + seed) % 26))).join('')

/**
 * The server frames each outgoing message itself, once for all receivers. A WebSocket
 * frame states its length in 7 bits up to 125 bytes, in 16 bits up to 65,535 and in 64
 * bits beyond, so updates of each size are sent live to someone already in the board,
 * and then all of them reach a newcomer inside the board's whole state (sync step 2, over
 * 100 KiB).
 */
it('notes of every size reach the people in the board and a newcomer, byte for byte', async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 3)
  const [alice, bob] = await syncedClients(perTest, board.id, [
    participants[0].token,
    participants[1].token,
  ])

  const ids = Array.from({ length: 7 }, (_, i) =>
    createCard(alice.doc, { kind: 'objective', title: `Card ${i}` }),
  )
  await eventually(() => ids.every((id) => getCards(bob.doc).has(id)), 5000, 'cards to reach bob')
  const notesOf = (id: string) => readCard(id, getCards(bob.doc).get(id)!).notes
  const expected = new Map<string, string>()

  // One update each: about 10 B (7-bit length), 1 KB and 20 KB (16-bit length).
  for (const [i, size] of [10, 1_000, 20_000].entries()) {
    expected.set(ids[i], text(size, i))
    setCardText(alice.doc, ids[i], 'notes', expected.get(ids[i])!)
    await eventually(() => notesOf(ids[i]) === expected.get(ids[i]), 5000, `${size} characters`)
  }
  // One update of about 80 KB (64-bit length): four full notes in one transaction.
  alice.doc.transact(() => {
    for (const id of ids.slice(3)) {
      expected.set(id, text(20_000, expected.size))
      setCardText(alice.doc, id, 'notes', expected.get(id)!)
    }
  })
  await eventually(
    () => ids.slice(3).every((id) => notesOf(id) === expected.get(id)),
    5000,
    'the 80 KB update to reach bob',
  )

  const [carol] = await syncedClients(perTest, board.id, [participants[2].token])
  for (const [id, notes] of expected) {
    expect(readCard(id, getCards(carol.doc).get(id)!).notes).toBe(notes)
  }
})
