import { expect, it } from 'vitest'
import { createCard } from '../../shared/boardDoc.ts'
import { getRounds } from '../../shared/controlDoc.ts'
import type { PublishedRound } from '../../shared/votingSchemas.ts'
import { request } from '../support/api.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { connectClient, eventually, waitForSync } from '../support/yClient.ts'

const perTest = serverPerTest()

it('before reveal, no API answer and no document a participant receives holds another person’s ballot', async () => {
  const { board, facilitator, participants } = await boardWithPeople(perTest.server, 2)
  const [alice, bob] = participants
  const writer = connectClient(perTest.server.wsUrl, board.id, facilitator.token)
  perTest.clients.push(writer)
  await waitForSync(writer)
  const secret = createCard(writer.doc, { kind: 'objective', title: 'Secret favourite' })
  createCard(writer.doc, { kind: 'objective', title: 'Other' }) // a card nobody votes for
  await new Promise((resolve) => setTimeout(resolve, 200))

  const opened = await request(
    perTest.server.url,
    'POST',
    `/api/boards/${board.id}/rounds`,
    { kind: 'dots', votesPerPerson: 7, sealed: true },
    facilitator.token,
  )
  const roundId = opened.json.round.id
  const path = `/api/boards/${board.id}/rounds/${roundId}`
  // Bob's control document and board document, received over the wire like any client.
  const bobControl = connectClient(perTest.server.wsUrl, `${board.id}/control`, bob.token)
  const bobBoard = connectClient(perTest.server.wsUrl, board.id, bob.token)
  perTest.clients.push(bobControl, bobBoard)
  await Promise.all([waitForSync(bobControl), waitForSync(bobBoard)])

  // Alice's distinctive ballot: 7 dots on one card.
  expect(
    (
      await request(
        perTest.server.url,
        'PUT',
        `${path}/ballot`,
        { allocations: { [secret]: 7 } },
        alice.token,
      )
    ).status,
  ).toBe(200)
  await eventually(() => (getRounds(bobControl.doc).get(roundId) as PublishedRound).voters === 1)

  for (const token of [bob.token, facilitator.token]) {
    const seen = await request(perTest.server.url, 'GET', path, undefined, token)
    expect(seen.json.tally).toBeNull()
    expect(seen.json.ballots).toBeNull()
    expect(seen.json.myBallot).toBeNull()
    expect(JSON.stringify(seen.json)).not.toContain(secret)
  }
  const list = await request(
    perTest.server.url,
    'GET',
    `/api/boards/${board.id}/rounds`,
    undefined,
    bob.token,
  )
  expect(JSON.stringify(list.json)).not.toContain(secret)
  // The documents Bob holds mention the card only as a card, never as a vote.
  const control = JSON.stringify(getRounds(bobControl.doc).toJSON())
  expect(control).not.toContain(secret)

  // After reveal everyone sees the tally and, for a named round, who voted for what.
  await request(perTest.server.url, 'POST', `${path}/reveal`, {}, facilitator.token)
  await eventually(
    () => (getRounds(bobControl.doc).get(roundId) as PublishedRound).status === 'revealed',
  )
  const revealed = getRounds(bobControl.doc).get(roundId) as PublishedRound
  expect(revealed.tally).toEqual({ [secret]: 7 })
  expect(revealed.ballots).toEqual({ 'Person 1': { allocations: { [secret]: 7 } } })
})
