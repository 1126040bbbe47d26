import { expect, it } from 'vitest'
import { createBoard, join, request } from '../support/api.ts'
import { serverProcessPerTest } from '../support/serverProcessPerTest.ts'

const run = serverProcessPerTest('ballots-kill9')

it('every ballot answered 200 is counted after kill -9 and a restart, each person’s last one', async () => {
  let server = await run.start()
  const board = await createBoard(server.url, 'Votes survive')
  const facilitator = await join(server.url, board.id, 'Fay', board.tokens.facilitator)
  const people = await Promise.all(
    ['Ana', 'Bo', 'Cy'].map((name) => join(server.url, board.id, name, board.tokens.participant)),
  )
  const opened = await request(
    server.url,
    'POST',
    `/api/boards/${board.id}/rounds`,
    { kind: 'dots', votesPerPerson: 3, maxPerCard: 3, cardIds: ['north', 'south'] },
    facilitator.token,
  )
  expect(opened.status).toBe(201)
  const roundPath = `/api/boards/${board.id}/rounds/${opened.json.round.id}`

  // Each person votes twice, the way the UI sends one PUT per dot; the second replaces the first.
  const finalBallots = [{ north: 1, south: 2 }, { north: 3 }, { south: 1 }]
  await Promise.all(
    people.map(async (person, i) => {
      const first = await request(
        server.url,
        'PUT',
        `${roundPath}/ballot`,
        { allocations: { north: 1 } },
        person.token,
      )
      expect(first.status).toBe(200)
      const last = await request(
        server.url,
        'PUT',
        `${roundPath}/ballot`,
        { allocations: finalBallots[i] },
        person.token,
      )
      expect(last.status).toBe(200)
    }),
  )
  // No pause: a 200 means the ballot is already on disk.
  await server.kill9()

  server = await run.start()
  const seen = await request(server.url, 'GET', roundPath, undefined, people[0].token)
  expect(seen.status).toBe(200)
  expect(seen.json.voters).toBe(3)
  expect(seen.json.tally).toEqual({ north: 4, south: 3 })
  expect(seen.json.myBallot).toEqual({ allocations: { north: 1, south: 2 } })
})
