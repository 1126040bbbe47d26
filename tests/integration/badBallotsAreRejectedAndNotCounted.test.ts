import { afterAll, beforeAll, expect, it } from 'vitest'
import { createCard } from '../../shared/boardDoc.ts'
import { request } from '../support/api.ts'
import { boardWithPeople, type BoardWithPeople } from '../support/boardFixture.ts'
import { newServer, type TestServer } from '../support/testServer.ts'
import { connectClient, waitForSync } from '../support/yClient.ts'

let server: TestServer
let people: BoardWithPeople
let cards: string[]
beforeAll(async () => {
  server = await newServer()
  people = await boardWithPeople(server, 2)
  const writer = connectClient(server.wsUrl, people.board.id, people.facilitator.token)
  await waitForSync(writer)
  cards = ['A', 'B', 'C'].map((t) => createCard(writer.doc, { kind: 'objective', title: t }))
  await new Promise((resolve) => setTimeout(resolve, 200))
  writer.destroy()
})
afterAll(() => server.destroy())

const openRound = async (body: object) => {
  const { status, json } = await request(
    server.url,
    'POST',
    `/api/boards/${people.board.id}/rounds`,
    body,
    people.facilitator.token,
  )
  expect(status).toBe(201)
  return json.round.id as string
}
const put = (
  roundId: string,
  body: object,
  token = people.participants[0].token,
  boardId = people.board.id,
) => request(server.url, 'PUT', `/api/boards/${boardId}/rounds/${roundId}/ballot`, body, token)
const tallyOf = async (roundId: string) =>
  (
    await request(
      server.url,
      'GET',
      `/api/boards/${people.board.id}/rounds/${roundId}`,
      undefined,
      people.facilitator.token,
    )
  ).json

it('rejects an over-budget ballot with 422 and keeps the previous one', async () => {
  const roundId = await openRound({ kind: 'dots', votesPerPerson: 3, maxPerCard: 2 })
  expect((await put(roundId, { allocations: { [cards[0]]: 2 } })).status).toBe(200)
  const over = await put(roundId, { allocations: { [cards[0]]: 2, [cards[1]]: 2 } })
  expect(over.status).toBe(422)
  expect(over.json.error.message).toMatch(/over budget/)
  const cap = await put(roundId, { allocations: { [cards[0]]: 3 } })
  expect(cap.status).toBe(422)
  expect((await tallyOf(roundId)).tally).toEqual({ [cards[0]]: 2 })
})

it('rejects a ballot for an ineligible or unknown card with 422', async () => {
  const roundId = await openRound({
    kind: 'dots',
    votesPerPerson: 3,
    cardIds: [cards[0], cards[1]],
  })
  expect((await put(roundId, { allocations: { [cards[2]]: 1 } })).status).toBe(422)
  const open = await openRound({ kind: 'dots' })
  expect((await put(open, { allocations: { noSuchCard: 1 } })).status).toBe(422)
  expect((await tallyOf(roundId)).voters).toBe(0)
})

it('rejects a late ballot (after close) with 409 and does not count it', async () => {
  const roundId = await openRound({ kind: 'dots', votesPerPerson: 2 })
  expect((await put(roundId, { allocations: { [cards[0]]: 1 } })).status).toBe(200)
  const closed = await request(
    server.url,
    'POST',
    `/api/boards/${people.board.id}/rounds/${roundId}/close`,
    {},
    people.facilitator.token,
  )
  expect(closed.json.round.status).toBe('closed')
  const late = await put(roundId, { allocations: { [cards[1]]: 2 } }, people.participants[1].token)
  expect(late.status).toBe(409)
  expect((await tallyOf(roundId)).tally).toEqual({ [cards[0]]: 1 })
})

it('closes a timed round on the server when its end time passes', async () => {
  const roundId = await openRound({
    kind: 'dots',
    endsAt: new Date(Date.now() + 300).toISOString(),
  })
  await new Promise((resolve) => setTimeout(resolve, 600))
  expect((await tallyOf(roundId)).round.status).toBe('closed')
  expect((await put(roundId, { allocations: { [cards[0]]: 1 } })).status).toBe(409)
})

it('rejects a ballot for a round of another board (404) and malformed ballots (400)', async () => {
  const other = await boardWithPeople(server, 1)
  const roundId = await openRound({ kind: 'dots' })
  const wrongBoard = await put(
    roundId,
    { allocations: {} },
    other.participants[0].token,
    other.board.id,
  )
  expect(wrongBoard.status).toBe(404)
  expect((await put('noSuchRound', { allocations: {} })).status).toBe(404)
  expect((await put(roundId, { allocations: { [cards[0]]: -1 } })).status).toBe(400)
  expect((await put(roundId, { allocations: { [cards[0]]: 1.5 } })).status).toBe(400)
  expect((await put(roundId, { answers: { [cards[0]]: 3 } })).status).toBe(400)
  expect((await tallyOf(roundId)).voters).toBe(0)
})

it('lets only the facilitator open, close or reveal (403 for participants and viewers)', async () => {
  const roundId = await openRound({ kind: 'dots' })
  for (const token of [people.participants[0].token, people.viewer.token]) {
    const base = `/api/boards/${people.board.id}/rounds`
    expect((await request(server.url, 'POST', base, { kind: 'dots' }, token)).status).toBe(403)
    expect((await request(server.url, 'POST', `${base}/${roundId}/close`, {}, token)).status).toBe(
      403,
    )
    expect((await request(server.url, 'POST', `${base}/${roundId}/reveal`, {}, token)).status).toBe(
      403,
    )
  }
  expect((await put(roundId, { allocations: { [cards[0]]: 1 } }, people.viewer.token)).status).toBe(
    403,
  )
  expect((await tallyOf(roundId)).round.status).toBe('open')
})

it('counts a fist-of-five round as a distribution per card', async () => {
  const roundId = await openRound({ kind: 'fist', cardIds: [cards[0]] })
  expect((await put(roundId, { answers: { [cards[0]]: 4 } })).status).toBe(200)
  expect(
    (await put(roundId, { answers: { [cards[0]]: 1 } }, people.participants[1].token)).status,
  ).toBe(200)
  expect((await put(roundId, { answers: { [cards[0]]: 6 } })).status).toBe(400)
  expect((await tallyOf(roundId)).tally).toEqual({ [cards[0]]: [0, 1, 0, 0, 1, 0] })
})
