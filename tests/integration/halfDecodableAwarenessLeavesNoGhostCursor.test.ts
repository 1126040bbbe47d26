import { expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import { CloseCode } from '../../shared/closeCodes.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { sendFrame } from '../support/sendFrame.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { connectClient, waitForSync } from '../support/yClient.ts'

const perTest = serverPerTest()
const GHOST = 4242

/** Awareness message: a well-formed cursor for GHOST, then a second entry cut off. */
function halfDecodableAwareness(): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, 2)
  encoding.writeVarUint(update, GHOST)
  encoding.writeVarUint(update, 1)
  encoding.writeVarString(update, JSON.stringify({ user: { name: 'Ghost' } }))
  encoding.writeVarUint(update, 7) // the second entry's client id, and nothing after it
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 1)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

// y-protocols applies awareness entries one at a time and announces them at the end: a frame
// failing at its second entry used to leave the first one stored but never announced, so it
// was not removed when its socket closed and every newcomer got a cursor nobody owned.
it('an awareness frame that fails half-way closes with 4400 and leaves no cursor behind', async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 2)
  const url = `${perTest.server.wsUrl}/yjs/${board.id}?token=${participants[0].token}`
  expect(await sendFrame(url, halfDecodableAwareness())).toBe(CloseCode.Malformed)

  const room = perTest.server.context.rooms.loaded(board.id, 'board')!
  expect(room.awareness.clientIds().includes(GHOST)).toBe(false)
  const newcomer = connectClient(perTest.server.wsUrl, board.id, participants[1].token)
  perTest.clients.push(newcomer)
  await waitForSync(newcomer)
  expect(newcomer.provider.awareness.getStates().has(GHOST)).toBe(false)
})
