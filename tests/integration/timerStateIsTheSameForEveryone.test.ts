import { expect, it } from 'vitest'
import { getControlRoot, readTimer } from '../../shared/controlDoc.ts'
import { request } from '../support/api.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { connectClient, eventually, waitForSync } from '../support/yClient.ts'

const perTest = serverPerTest()

it('the facilitator’s timer reaches every client identically, stamped in server time', async () => {
  const { board, facilitator, participants, viewer } = await boardWithPeople(perTest.server, 4)
  const room = `${board.id}/control`
  const lead = connectClient(perTest.server.wsUrl, room, facilitator.token)
  const others = [...participants, viewer].map((p) =>
    connectClient(perTest.server.wsUrl, room, p.token),
  )
  perTest.clients.push(lead, ...others)
  await Promise.all(perTest.clients.map((c) => waitForSync(c)))

  // Clients stamp endsAt on the server's clock (GET /api/time), so skewed laptops agree.
  const { json } = await request(perTest.server.url, 'GET', '/api/time')
  expect(Math.abs(json.now - Date.now())).toBeLessThan(1000)
  const timer = { endsAt: json.now + 5 * 60_000, remainingMs: 5 * 60_000, running: true }
  getControlRoot(lead.doc).set('timer', timer)
  await eventually(() => others.every((c) => readTimer(c.doc).running))
  for (const client of others) expect(readTimer(client.doc)).toEqual(timer)

  // Pause: everyone sees the same frozen remaining time.
  const paused = { endsAt: null, remainingMs: 4 * 60_000 + 12_345, running: false }
  getControlRoot(lead.doc).set('timer', paused)
  await eventually(() => others.every((c) => !readTimer(c.doc).running))
  for (const client of others) expect(readTimer(client.doc)).toEqual(paused)

  // A participant cannot stop the clock for the room.
  getControlRoot(others[0].doc).set('timer', { endsAt: null, remainingMs: 0, running: false })
  await new Promise((resolve) => setTimeout(resolve, 200))
  for (const client of [lead, ...others.slice(1)]) expect(readTimer(client.doc)).toEqual(paused)
})
