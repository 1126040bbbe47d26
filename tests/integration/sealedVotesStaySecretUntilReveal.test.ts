import { afterEach, beforeEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCard } from '../../shared/boardDoc.ts'
import { getRounds } from '../../shared/controlDoc.ts'
import type { PublishedRound } from '../../shared/votingSchemas.ts'
import { request } from '../support/api.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { newServer, type TestServer } from '../support/testServer.ts'
import { connectClient, eventually, waitForSync, type YClient } from '../support/yClient.ts'

let server: TestServer
const clients: YClient[] = []
beforeEach(async () => {
  server = await newServer()
})
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await server.destroy()
})

it('before reveal, no API answer and no document a participant receives holds another person’s ballot', async () => {
  const { board, facilitator, participants } = await boardWithPeople(server, 2)
  const [alice, bob] = participants
  const writer = connectClient(server.wsUrl, board.id, facilitator.token)
  clients.push(writer)
  await waitForSync(writer)
  const secret = createCard(writer.doc, { kind: 'objective', title: 'Secret favourite' })
  const other = createCard(writer.doc, { kind: 'objective', title: 'Other' })
  await new Promise((resolve) => setTimeout(resolve, 200))

  const opened = await request(
    server.url,
    'POST',
    `/api/boards/${board.id}/rounds`,
    { kind: 'dots', votesPerPerson: 7, sealed: true },
    facilitator.token,
  )
  const roundId = opened.json.round.id
  const path = `/api/boards/${board.id}/rounds/${roundId}`
  // Bob's control document and board document, received over the wire like any client.
  const bobControl = connectClient(server.wsUrl, `${board.id}/control`, bob.token)
  const bobBoard = connectClient(server.wsUrl, board.id, bob.token)
  clients.push(bobControl, bobBoard)
  await Promise.all([waitForSync(bobControl), waitForSync(bobBoard)])

  // Alice's distinctive ballot: 7 dots on one card.
  expect(
    (
      await request(
        server.url,
        'PUT',
        `${path}/ballot`,
        { allocations: { [secret]: 7 } },
        alice.token,
      )
    ).status,
  ).toBe(200)
  await eventually(() => (getRounds(bobControl.doc).get(roundId) as PublishedRound).voters === 1)

  for (const token of [bob.token, facilitator.token]) {
    const seen = await request(server.url, 'GET', path, undefined, token)
    expect(seen.json.tally).toBeNull()
    expect(seen.json.ballots).toBeNull()
    expect(seen.json.myBallot).toBeNull()
    expect(JSON.stringify(seen.json)).not.toContain(secret)
  }
  const list = await request(
    server.url,
    'GET',
    `/api/boards/${board.id}/rounds`,
    undefined,
    bob.token,
  )
  expect(JSON.stringify(list.json)).not.toContain(secret)
  // The documents Bob holds mention the card only as a card, never as a vote.
  const control = JSON.stringify(getRounds(bobControl.doc).toJSON())
  expect(control).not.toContain(secret)
  expect(Y.encodeStateAsUpdate(bobControl.doc).length).toBeGreaterThan(0)

  // After reveal everyone sees the tally and, for a named round, who voted for what.
  await request(server.url, 'POST', `${path}/reveal`, {}, facilitator.token)
  await eventually(
    () => (getRounds(bobControl.doc).get(roundId) as PublishedRound).status === 'revealed',
  )
  const revealed = getRounds(bobControl.doc).get(roundId) as PublishedRound
  expect(revealed.tally).toEqual({ [secret]: 7 })
  expect(revealed.ballots).toEqual({ 'Person 1': { allocations: { [secret]: 7 } } })
  expect(other).not.toBe(secret)
})
