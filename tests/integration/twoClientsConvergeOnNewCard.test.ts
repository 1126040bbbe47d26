import { expect, it } from 'vitest'
import { createCard, getCards, readCard, setCardText } from '../../shared/boardDoc.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest, syncedClients } from '../support/serverPerTest.ts'
import { eventually, type YClient } from '../support/yClient.ts'

const perTest = serverPerTest()

it('a card created by one client appears, with its title, for another', async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 2)
  const [alice, bob] = await syncedClients(perTest, board.id, [
    participants[0].token,
    participants[1].token,
  ])

  // The server seeded the document's meta at creation; both see the title.
  expect(alice.doc.getMap('meta').get('title')).toBe('Workshop')

  const id = createCard(alice.doc, { kind: 'objective', title: 'Win the smiles of more customers' })
  await eventually(() => getCards(bob.doc).has(id), 5000, 'card to reach bob')
  expect(readCard(id, getCards(bob.doc).get(id)!).title).toBe('Win the smiles of more customers')

  setCardText(bob.doc, id, 'notes', 'Customers wait 3 days for an answer')
  await eventually(
    () =>
      readCard(id, getCards(alice.doc).get(id)!).notes === 'Customers wait 3 days for an answer',
    5000,
    'notes to reach alice',
  )
})

it('two people typing in the same title at once both keep their words', async () => {
  const { board, participants } = await boardWithPeople(perTest.server, 2)
  const [alice, bob] = await syncedClients(perTest, board.id, [
    participants[0].token,
    participants[1].token,
  ])
  const id = createCard(alice.doc, { kind: 'objective', title: 'Grow' })
  await eventually(() => getCards(bob.doc).has(id))

  // Both edit from the same text "Grow" without seeing each other's change first.
  alice.provider.disconnect()
  bob.provider.disconnect()
  setCardText(alice.doc, id, 'title', 'Grow revenue')
  setCardText(bob.doc, id, 'title', 'Sustainably Grow')
  alice.provider.connect()
  bob.provider.connect()

  const titleOf = (client: YClient) => readCard(id, getCards(client.doc).get(id)!).title
  await eventually(
    () => titleOf(alice) === titleOf(bob) && titleOf(alice).length > 'Grow revenue'.length,
  )
  // Character-level merge: each person's words survive in the merged title.
  expect(titleOf(alice)).toContain('Sustainably')
  expect(titleOf(alice)).toContain('revenue')
  expect(titleOf(alice)).toBe('Sustainably Grow revenue')
})
