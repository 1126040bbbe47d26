import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PublishedRound } from '../../shared/votingSchemas.ts'
import { BallotStore } from '../../client/workshop/voting/ballotStore.ts'

const round: PublishedRound = {
  id: 'r1',
  kind: 'dots',
  status: 'open',
  title: 'Dot voting',
  votesPerPerson: 5,
  maxPerCard: 3,
  sealed: true,
  anonymous: false,
  endsAt: null,
  cardIds: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  closedAt: null,
  revealedAt: null,
  voters: 0,
  tally: null,
  ballots: null,
}

interface Call {
  method: string
  url: string
  body: unknown
}

/** A fake server: answers each request with the next queued reply, once it is released. */
function fakeServer() {
  const calls: Call[] = []
  const pending: { resolve: (r: Response) => void }[] = []
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({
      method: init.method ?? 'GET',
      url,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    })
    return new Promise<Response>((resolve) => pending.push({ resolve }))
  })
  /** Answer the oldest waiting request, or the `index`-th one (answers out of order). */
  const reply = async (status: number, body: unknown, index = 0) => {
    const [next] = pending.splice(index, 1)
    if (!next) throw new Error('no request is waiting for a reply')
    next.resolve(new Response(JSON.stringify(body), { status }))
    // Let the store's awaits run.
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { calls, reply }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('ballot store', () => {
  it('loads my ballot first, then shows a change at once and keeps it when the server agrees', async () => {
    const server = fakeServer()
    const store = new BallotStore('board1', 'token1', true)
    store.ensureLoaded(round)
    expect(store.get('r1').ready).toBe(false)
    await server.reply(200, { myBallot: { allocations: { a: 1 } } })
    expect(store.get('r1')).toMatchObject({ ready: true, values: { a: 1 } })
    expect(server.calls[0]).toMatchObject({ method: 'GET', url: '/api/boards/board1/rounds/r1' })

    store.change(round, { a: 2 }, 'a')
    // Optimistic: shown before the server answered.
    expect(store.get('r1')).toMatchObject({ values: { a: 2 }, saving: true })
    await server.reply(200, { ballot: { allocations: { a: 2 } } })
    expect(store.get('r1')).toMatchObject({ values: { a: 2 }, saving: false, error: null })
    // The whole ballot is sent (PUT replaces it).
    expect(server.calls[1]).toMatchObject({
      method: 'PUT',
      url: '/api/boards/board1/rounds/r1/ballot',
      body: { allocations: { a: 2 } },
    })
  })

  it('rolls back to the server’s ballot and says why when a change is refused', async () => {
    const server = fakeServer()
    const store = new BallotStore('board1', 'token1', true)
    store.ensureLoaded(round)
    await server.reply(200, { myBallot: { allocations: { a: 1 } } })

    store.change(round, { a: 1, b: 5 }, 'b')
    await server.reply(422, {
      error: { code: 'unprocessable', message: 'over budget: 6 dots placed, 5 allowed' },
    })
    expect(store.get('r1')).toMatchObject({
      values: { a: 1 },
      saving: false,
      error: { message: 'Not counted: over budget: 6 dots placed, 5 allowed', cardId: 'b' },
    })

    store.change(round, { a: 2 }, 'a')
    await server.reply(409, { error: { code: 'conflict', message: 'round is closed' } })
    expect(store.get('r1')).toMatchObject({
      values: { a: 1 },
      error: { message: 'Not counted: this round is closed.', cardId: 'a' },
    })
  })

  it('sends clicks made while a request is on its way together, newest ballot last', async () => {
    const server = fakeServer()
    const store = new BallotStore('board1', 'token1', true)
    store.ensureLoaded(round)
    await server.reply(200, { myBallot: null })

    store.change(round, { a: 1 }, 'a')
    store.change(round, { a: 2 }, 'a')
    store.change(round, { a: 3 }, 'a')
    expect(store.get('r1').values).toEqual({ a: 3 })
    await server.reply(200, { ballot: { allocations: { a: 1 } } })
    await server.reply(200, { ballot: { allocations: { a: 3 } } })
    // One GET, then two PUTs: {a:1} already on its way, then the newest {a:3}; {a:2} is skipped.
    expect(server.calls.map((call) => call.body)).toEqual([
      undefined,
      { allocations: { a: 1 } },
      { allocations: { a: 3 } },
    ])
    expect(store.get('r1')).toMatchObject({ values: { a: 3 }, saving: false })
  })

  it('a reload that was under way when I clicked does not undo the click', async () => {
    const server = fakeServer()
    const store = new BallotStore('board1', 'token1', true)
    store.ensureLoaded(round)
    await server.reply(200, { myBallot: { allocations: { beta: 3 } } })

    // Back online: my ballot is fetched again. I add a dot to Gamma before that answer
    // comes, and the server accepts the dot before it sends the (older) ballot it read.
    store.reloadIdle()
    store.change(round, { beta: 3, gamma: 1 }, 'gamma')
    await server.reply(200, { ballot: { allocations: { beta: 3, gamma: 1 } } }, 1)
    await server.reply(200, { myBallot: { allocations: { beta: 3 } } })

    // The dot stays on screen, as the server holds it.
    expect(store.get('r1')).toMatchObject({ values: { beta: 3, gamma: 1 }, saving: false })
    // And my next dot is sent on top of it, not on top of the older ballot.
    store.change(round, { beta: 3, gamma: 2 }, 'gamma')
    expect(server.calls.at(-1)?.body).toEqual({ allocations: { beta: 3, gamma: 2 } })
  })

  it('never loads or changes a ballot for a viewer', () => {
    const server = fakeServer()
    const store = new BallotStore('board1', 'token1', false)
    store.ensureLoaded(round)
    store.change(round, { a: 1 }, 'a')
    expect(server.calls).toHaveLength(0)
    expect(store.get('r1').values).toEqual({})
  })
})
