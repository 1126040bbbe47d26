import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBoard, join, request } from '../support/api.ts'
import { newServer, type TestServer } from '../support/testServer.ts'

let server: TestServer
beforeAll(async () => {
  server = await newServer()
})
afterAll(() => server.destroy())

describe('board HTTP API', () => {
  it('reports health once ready', async () => {
    const { status, json } = await request(server.url, 'GET', '/healthz')
    expect(status).toBe(200)
    expect(json).toEqual({ ok: true })
  })

  it('creates a board with three distinct role tokens of at least 128 bits and links', async () => {
    const board = await createBoard(server.url, 'Q3 company OKRs')
    expect(board.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    const tokens = Object.values(board.tokens)
    expect(new Set(tokens).size).toBe(3)
    // base64url: 6 bits per character, so ≥ 22 characters carry ≥ 128 bits.
    for (const token of tokens) expect(token.length).toBeGreaterThanOrEqual(22)
    expect(board.links.participant).toContain(`/b/${board.id}`)
    expect(board.links.participant).toContain(board.tokens.participant)
  })

  it('joins with a role token and reads the board with the personal token', async () => {
    const board = await createBoard(server.url, 'Team sync')
    const joined = await join(server.url, board.id, 'Ana', board.tokens.participant)
    expect(joined.role).toBe('participant')
    expect(joined.token).not.toBe(board.tokens.participant)
    const { status, json } = await request(
      server.url,
      'GET',
      `/api/boards/${board.id}`,
      undefined,
      joined.token,
    )
    expect(status).toBe(200)
    expect(json).toMatchObject({ id: board.id, title: 'Team sync', finalizedVersion: null })
  })

  it('gives each role the role of the link used', async () => {
    const board = await createBoard(server.url)
    expect((await join(server.url, board.id, 'F', board.tokens.facilitator)).role).toBe(
      'facilitator',
    )
    expect((await join(server.url, board.id, 'V', board.tokens.viewer)).role).toBe('viewer')
  })

  it('answers 404 for an unknown board whatever token is sent', async () => {
    const board = await createBoard(server.url)
    const joined = await join(server.url, board.id, 'Ana', board.tokens.participant)
    for (const token of [undefined, 'nonsense', joined.token]) {
      const { status, json } = await request(
        server.url,
        'GET',
        '/api/boards/doesNotExist',
        undefined,
        token,
      )
      expect(status).toBe(404)
      expect(json.error.code).toBe('not_found')
    }
  })

  it('answers 401 without a token or with another board’s token', async () => {
    const a = await createBoard(server.url)
    const b = await createBoard(server.url)
    const joinedB = await join(server.url, b.id, 'Bo', b.tokens.participant)
    expect((await request(server.url, 'GET', `/api/boards/${a.id}`)).status).toBe(401)
    expect(
      (await request(server.url, 'GET', `/api/boards/${a.id}`, undefined, joinedB.token)).status,
    ).toBe(401)
    const wrongJoin = await request(server.url, 'POST', `/api/boards/${a.id}/participants`, {
      name: 'X',
      token: b.tokens.participant,
    })
    expect(wrongJoin.status).toBe(401)
  })

  it('rejects malformed input with 400 and a JSON error, storing nothing', async () => {
    const before = Object.keys(server.context.db.data.boards).length
    for (const body of [
      {},
      { title: '' },
      { title: 'x'.repeat(201) },
      { title: 'ok', template: 'nope' },
      '{"title":',
    ]) {
      const { status, json } = await request(server.url, 'POST', '/api/boards', body)
      expect(status).toBe(400)
      expect(typeof json.error.message).toBe('string')
    }
    expect(Object.keys(server.context.db.data.boards).length).toBe(before)
    const badId = await request(server.url, 'GET', '/api/boards/bad..id', undefined, 'x')
    expect(badId.status).toBe(400)
  })

  it('never repeats a token after creation and stores tokens only hashed', async () => {
    const board = await createBoard(server.url)
    const joined = await join(server.url, board.id, 'Ana', board.tokens.participant)
    const { json } = await request(
      server.url,
      'GET',
      `/api/boards/${board.id}`,
      undefined,
      joined.token,
    )
    expect(JSON.stringify(json)).not.toContain(joined.token)
    const stored = JSON.stringify(server.context.db.data)
    for (const token of [...Object.values(board.tokens), joined.token])
      expect(stored).not.toContain(token)
  })
})
