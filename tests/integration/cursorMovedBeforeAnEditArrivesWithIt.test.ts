import { expect, it } from 'vitest'
import { createCard, getCards } from '../../shared/boardDoc.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { connectClient, eventually, waitForSync } from '../support/yClient.ts'

// A cursor tick of a minute: on its own the server would hold Paul's cursor that long.
const perTest = serverPerTest({ AWARENESS_TICK_MS: 60_000, AWARENESS_TICK_MAX_MS: 60_000 })

// The server sends the cursor changes it holds for the next tick together with every
// document update (one write per receiver instead of two). So a person who points at a
// card and then types into it is seen pointing there when the typing arrives, not a tick
// later.
it('a cursor moved just before an edit reaches the others with the edit', async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 2)
  const [paul, fiona] = participants.map((person) =>
    connectClient(perTest.server.wsUrl, board.id, person.token),
  )
  perTest.clients.push(paul, fiona)
  await Promise.all([waitForSync(paul), waitForSync(fiona)])

  paul.provider.awareness.setLocalStateField('cursor', { x: 120, y: 80 })
  const id = createCard(paul.doc, { kind: 'objective', title: 'Delight onboarding' })

  await eventually(() => getCards(fiona.doc).has(id), 5000, 'the card to reach Fiona')
  const paulsCursor = () =>
    fiona.provider.awareness.getStates().get(paul.doc.clientID)?.cursor as unknown
  // Well inside the minute-long tick: only the edit can have brought it.
  await eventually(
    () => JSON.stringify(paulsCursor()) === JSON.stringify({ x: 120, y: 80 }),
    2000,
    "Paul's cursor to reach Fiona with the card",
  )
  expect(paulsCursor()).toEqual({ x: 120, y: 80 })
})
