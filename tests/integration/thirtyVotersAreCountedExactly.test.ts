import { expect, it } from 'vitest'
import { createCard } from '../../shared/boardDoc.ts'
import { getRounds } from '../../shared/controlDoc.ts'
import type { PublishedRound } from '../../shared/votingSchemas.ts'
import { request } from '../support/api.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { connectClient, eventually, waitForSync, type YClient } from '../support/yClient.ts'

const perTest = serverPerTest()

it('30 participants voting at the same moment: every dot counted exactly once, everywhere', async () => {
  const { board, facilitator, participants } = await boardWithPeople(perTest.server, 30)
  const writer = connectClient(perTest.server.wsUrl, board.id, facilitator.token)
  perTest.clients.push(writer)
  await waitForSync(writer)
  const cards = ['A', 'B', 'C', 'D'].map((t) =>
    createCard(writer.doc, { kind: 'objective', title: t }),
  )
  await new Promise((resolve) => setTimeout(resolve, 200))

  const opened = await request(
    perTest.server.url,
    'POST',
    `/api/boards/${board.id}/rounds`,
    { kind: 'dots', votesPerPerson: 5, maxPerCard: 3 },
    facilitator.token,
  )
  expect(opened.status).toBe(201)
  const roundId = opened.json.round.id

  const watchers = participants.map((p) =>
    connectClient(perTest.server.wsUrl, `${board.id}/control`, p.token),
  )
  perTest.clients.push(...watchers)
  await Promise.all(watchers.map((w) => waitForSync(w)))

  // Person i puts 3 dots on card i%4 and 2 on card (i+1)%4: 5 dots each, 150 in all.
  const expected: Record<string, number> = {}
  const ballots = participants.map((p, i) => {
    const allocations = { [cards[i % 4]]: 3, [cards[(i + 1) % 4]]: 2 }
    for (const [card, n] of Object.entries(allocations)) expected[card] = (expected[card] ?? 0) + n
    return request(
      perTest.server.url,
      'PUT',
      `/api/boards/${board.id}/rounds/${roundId}/ballot`,
      { allocations },
      p.token,
    )
  })
  const results = await Promise.all(ballots)
  expect(results.map((r) => r.status)).toEqual(Array.from({ length: 30 }, () => 200))

  const onServer = await request(
    perTest.server.url,
    'GET',
    `/api/boards/${board.id}/rounds/${roundId}`,
    undefined,
    facilitator.token,
  )
  expect(onServer.json.voters).toBe(30)
  expect(onServer.json.tally).toEqual(expected)
  // 150 dots in all: 30 people × 5.
  expect(
    Object.values(onServer.json.tally as Record<string, number>).reduce((a, b) => a + b, 0),
  ).toBe(150)

  const published = (w: YClient) => getRounds(w.doc).get(roundId) as PublishedRound | undefined
  await eventually(
    () =>
      watchers.every(
        (w) => JSON.stringify(published(w)?.tally) === JSON.stringify(onServer.json.tally),
      ),
    5000,
    'every client control document to hold the exact tally',
  )
  for (const w of watchers) expect(published(w)!.voters).toBe(30)
})

it('changing a ballot replaces it rather than adding to it', async () => {
  const { board, facilitator, participants } = await boardWithPeople(perTest.server, 1)
  const writer = connectClient(perTest.server.wsUrl, board.id, facilitator.token)
  perTest.clients.push(writer)
  await waitForSync(writer)
  const a = createCard(writer.doc, { kind: 'objective', title: 'A' })
  const b = createCard(writer.doc, { kind: 'objective', title: 'B' })
  await new Promise((resolve) => setTimeout(resolve, 200))
  const { json } = await request(
    perTest.server.url,
    'POST',
    `/api/boards/${board.id}/rounds`,
    { kind: 'dots', votesPerPerson: 3 },
    facilitator.token,
  )
  const path = `/api/boards/${board.id}/rounds/${json.round.id}`
  const token = participants[0].token
  expect(
    (await request(perTest.server.url, 'PUT', `${path}/ballot`, { allocations: { [a]: 3 } }, token))
      .status,
  ).toBe(200)
  expect(
    (await request(perTest.server.url, 'PUT', `${path}/ballot`, { allocations: { [b]: 2 } }, token))
      .status,
  ).toBe(200)
  const state = await request(perTest.server.url, 'GET', path, undefined, token)
  expect(state.json.tally).toEqual({ [b]: 2 })
  expect(state.json.myBallot).toEqual({ allocations: { [b]: 2 } })
})
