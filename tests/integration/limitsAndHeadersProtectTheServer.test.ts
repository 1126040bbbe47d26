import { afterEach, expect, it } from 'vitest'
import { CloseCode } from '../../shared/closeCodes.ts'
import { createBoard, join, request } from '../support/api.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { newServer, type TestServer } from '../support/testServer.ts'
import { closeCodeOf, connectClient, waitForSync, type YClient } from '../support/yClient.ts'

let server: TestServer | null = null
const clients: YClient[] = []
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy())
  await server?.destroy()
  server = null
})

it('answers REST floods with 429 in the JSON error shape', async () => {
  server = await newServer({ HTTP_RATE_LIMIT_PER_MINUTE: 5 })
  const statuses: number[] = []
  let last: any = null
  for (let i = 0; i < 7; i++) {
    const response = await request(server.url, 'POST', '/api/boards', { title: `B${i}` })
    statuses.push(response.status)
    last = response.json
  }
  expect(statuses.slice(0, 5)).toEqual([201, 201, 201, 201, 201])
  expect(statuses.slice(5)).toEqual([429, 429])
  expect(last.error.code).toBe('rate_limited')
  // Health checks and the app itself are not counted against the API budget.
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
})

it('closes a full room with 4429 and leaves the people inside undisturbed', async () => {
  server = await newServer({ MAX_CONNECTIONS_PER_ROOM: 2 })
  const { board, participants } = await boardWithPeople(server, 3)
  const inside = participants
    .slice(0, 2)
    .map((p) => connectClient(server!.wsUrl, board.id, p.token))
  clients.push(...inside)
  await Promise.all(inside.map((c) => waitForSync(c)))
  const code = await closeCodeOf(`${server.wsUrl}/yjs/${board.id}?token=${participants[2].token}`)
  expect(code).toBe(CloseCode.RateLimited)
  inside[0].doc.getMap('cards').set('probe', 1 as never)
  await new Promise((resolve) => setTimeout(resolve, 200))
  expect(inside[1].doc.getMap('cards').get('probe')).toBe(1)
  expect(inside.every((c) => c.provider.wsconnected)).toBe(true)
})

it('limits new sockets per address per minute with 4429', async () => {
  server = await newServer({ WS_CONNECTIONS_PER_IP_PER_MINUTE: 3 })
  const board = await createBoard(server.url)
  const person = await join(server.url, board.id, 'Ana', board.tokens.participant)
  const url = `${server.wsUrl}/yjs/${board.id}?token=${person.token}`
  const codes: number[] = []
  for (let i = 0; i < 4; i++) {
    codes.push(
      await Promise.race([
        closeCodeOf(url),
        new Promise<number>((resolve) => setTimeout(() => resolve(0), 300)),
      ]),
    )
  }
  // The first three stay open (0 = still open after 300 ms), the fourth is refused.
  expect(codes).toEqual([0, 0, 0, CloseCode.RateLimited])
})

it('sends security headers with a same-origin Content-Security-Policy', async () => {
  server = await newServer()
  const response = await fetch(`${server.url}/healthz`)
  const csp = response.headers.get('content-security-policy') ?? ''
  expect(csp).toContain("default-src 'self'")
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("connect-src 'self'")
  expect(csp).not.toMatch(/https?:\/\//)
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('referrer-policy')).toBe('no-referrer')
})

it('rejects oversized and wrongly typed bodies with a JSON 4xx', async () => {
  server = await newServer({ HTTP_BODY_LIMIT_BYTES: 1024 })
  const big = await request(server.url, 'POST', '/api/boards', { title: 'x'.repeat(2000) })
  expect(big.status).toBe(413)
  expect(big.json.error.code).toBe('too_large')
  const response = await fetch(`${server.url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml' },
    body: '<board/>',
  })
  expect(response.status).toBe(415)
  expect((await response.json()).error.code).toBe('unsupported_media_type')
})
