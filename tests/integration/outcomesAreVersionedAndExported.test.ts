import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { request } from '../support/api.ts'
import { boardWithPeople, type BoardWithPeople } from '../support/boardFixture.ts'
import { seedOkrs } from '../support/seedOkrs.ts'
import { newServer, type TestServer } from '../support/testServer.ts'
import { connectClient, waitForSync } from '../support/yClient.ts'

let server: TestServer
let people: BoardWithPeople
beforeAll(async () => {
  server = await newServer()
  people = await boardWithPeople(server, 1, 'Q1 "OKRs", 2027')
  const writer = connectClient(server.wsUrl, people.board.id, people.facilitator.token)
  await waitForSync(writer)
  seedOkrs(writer.doc)
  await new Promise((resolve) => setTimeout(resolve, 300))
  writer.destroy()
})
afterAll(() => server.destroy())

const api = (method: string, path: string, body?: unknown, token = people.facilitator.token) =>
  request(server.url, method, `/api/boards/${people.board.id}${path}`, body, token)

async function raw(
  path: string,
  token = people.facilitator.token,
): Promise<{ status: number; text: string; type: string | null }> {
  const response = await fetch(`${server.url}/api/boards/${people.board.id}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return {
    status: response.status,
    text: await response.text(),
    type: response.headers.get('content-type'),
  }
}

it('lets only the facilitator finalize (403 for a participant, nothing stored)', async () => {
  const denied = await api('POST', '/outcomes', {}, people.participants[0].token)
  expect(denied.status).toBe(403)
  expect((await api('GET', '/outcomes')).json.outcomes).toEqual([])
})

it('finalizes agreed objectives with their live key results, initiatives and open actions', async () => {
  const { status, json } = await api('POST', '/outcomes', { note: 'End of day one' })
  expect(status).toBe(201)
  expect(json.version).toBe(1)
  expect(json.hash).toMatch(/^sha256:[0-9a-f]{64}$/)
  const titles = json.outcome.objectives.map((o: any) => o.title)
  // Agreed ones only, in outline order: the dropped and the draft objective are out.
  expect(titles).toEqual(['Win the smiles of more customers', 'Support that answers, today'])
  const support = json.outcome.objectives[1]
  expect(support.parentId).toBe('obj-company')
  expect(support.catchballRounds).toBe(1)
  expect(support.keyResults.map((kr: any) => kr.id)).toEqual(['kr-reply']) // the dropped KR is out
  expect(json.outcome.objectives[0].keyResults[0].initiatives[0].title).toBe('Live chat pilot')
  expect(json.outcome.actions.map((a: any) => a.id)).toEqual(['act-rota'])
  // Facilitator, one participant and a viewer joined.
  expect(json.outcome.participants.length).toBe(3)
})

it('keeps version 1 byte-identical after version 2 is made', async () => {
  const v1Before = await raw('/outcomes/1')
  const second = await api('POST', '/outcomes', {})
  expect(second.json.version).toBe(2)
  const v1After = await raw('/outcomes/1')
  expect(v1After.text).toBe(v1Before.text)
  const list = await api('GET', '/outcomes', undefined, people.viewer.token)
  expect(list.json.outcomes.map((o: any) => o.version)).toEqual([1, 2])
  expect((await raw('/outcomes/3')).status).toBe(404)
})

it('exports CSV that a real CSV parser reads back with quotes, commas and newlines intact', async () => {
  const csv = await raw('/outcomes/1?format=csv', people.participants[0].token)
  expect(csv.type).toContain('text/csv')
  const rows: Record<string, string>[] = parse(csv.text, { columns: true })
  // One row per key result; an objective without key results would have one empty row.
  expect(rows.length).toBe(2)
  const support = rows.find((r) => r.objective_id === 'obj-support')!
  expect(support.team).toBe('Support, EMEA')
  expect(support.objective_owner).toBe('Ana "the fixer" Lee')
  expect(support.objective_notes).toBe('Line 1\nLine 2, with a comma')
  expect(support.key_result).toBe('First reply under 4 h, "always"')
  expect([support.from, support.to, support.current, support.unit]).toEqual([
    '24',
    '4',
    '12',
    'hours',
  ])
  expect(Object.keys(rows[0]).slice(0, 13)).toEqual([
    'objective_id',
    'objective',
    'team',
    'objective_owner',
    'key_result_id',
    'key_result',
    'from',
    'to',
    'current',
    'unit',
    'confidence',
    'key_result_owner',
    'votes',
  ])
  expect(csv.text.includes('\r\n')).toBe(true)
})

it('publishes the JSON Schema of the export, generated from the zod schema', async () => {
  const { status, json } = await request(server.url, 'GET', '/api/schema/outcomes.json')
  expect(status).toBe(200)
  expect(json.type).toBe('object')
  expect(json.required).toContain('objectives')
  expect(json.properties.objectives.items.properties.keyResults).toBeDefined()
})

// Votes and catchball throws belong to the session that made them, not to the OKRs.
const okrsOf = (outcome: any) =>
  outcome.objectives.map(
    ({ votes: _v, catchballRounds: _c, consensus: _k, ...objective }: any) => objective,
  )

it('export → import → export gives the same OKRs, in JSON and in CSV', async () => {
  const exported = JSON.parse((await raw('/outcomes/1')).text)
  const exportedCsv = (await raw('/outcomes/1?format=csv')).text
  for (const format of ['json', 'csv'] as const) {
    const target = await boardWithPeople(server, 0, exported.board.title)
    const content = format === 'json' ? exported : exportedCsv
    const imported = await request(
      server.url,
      'POST',
      `/api/boards/${target.board.id}/import`,
      { format, content },
      target.facilitator.token,
    )
    expect(imported.status).toBe(201)
    const again = await request(
      server.url,
      'POST',
      `/api/boards/${target.board.id}/outcomes`,
      {},
      target.facilitator.token,
    )
    if (format === 'json') expect(okrsOf(again.json.outcome)).toEqual(okrsOf(exported))
    const csvAgain = await fetch(
      `${server.url}/api/boards/${target.board.id}/outcomes/1?format=csv`,
      {
        headers: { authorization: `Bearer ${target.facilitator.token}` },
      },
    )
    expect(await csvAgain.text()).toBe(exportedCsv)
  }
})

it('rejects a malformed import with 400 listing each problem, and imports nothing', async () => {
  const target = await boardWithPeople(server, 0)
  const post = (body: unknown) =>
    request(
      server.url,
      'POST',
      `/api/boards/${target.board.id}/import`,
      body,
      target.facilitator.token,
    )
  const header =
    'objective_id,objective,team,objective_owner,key_result_id,key_result,from,to,current,unit,confidence,key_result_owner,votes'
  const badCsv = `${header}\r\nobj-1,Fine,T,O,kr-1,KR,0,10,5,%,7,O,0\r\nbad id!,X,T,O,,,,,,,,,0\r\nobj-2,Y,T,O,kr-2,KR,zero,10,5,%,11,O,0\r\n`
  const csv = await post({ format: 'csv', content: badCsv })
  expect(csv.status).toBe(400)
  expect(csv.json.error.details).toEqual([
    { row: 3, message: expect.stringContaining('objective_id') },
    { row: 4, message: expect.stringContaining('numbers') },
    { row: 4, message: expect.stringContaining('confidence') },
  ])
  const json = await post({ format: 'json', content: { version: 1, objectives: [{ id: 'x' }] } })
  expect(json.status).toBe(400)
  expect(json.json.error.details.some((p: any) => p.path === 'objectives.0.title')).toBe(true)
  expect((await post({ format: 'json', content: '{"version":' })).status).toBe(400)
  expect((await post({ format: 'xml', content: '' })).status).toBe(400)

  const finalized = await request(
    server.url,
    'POST',
    `/api/boards/${target.board.id}/outcomes`,
    {},
    target.facilitator.token,
  )
  expect(finalized.json.outcome.objectives).toEqual([])
  const room = server.context.rooms.loaded(target.board.id, 'board')
  expect(room?.doc.getMap('cards').size ?? 0).toBe(0)
})

it('starts the next cycle: a new board seeded with the agreed OKRs, grades, confidence and open actions', async () => {
  const { status, json } = await api('POST', '/outcomes/1/next-cycle', { title: 'Q2 2027' })
  expect(status).toBe(201)
  expect(json.id).not.toBe(people.board.id)
  expect(json.tokens.facilitator).toBeTruthy()
  const room = await server.context.rooms.acquire(json.id, 'board')
  const cards = room.doc.getMap<any>('cards')
  expect(cards.get('kr-reply').get('grade')).toBe(0.7)
  expect(cards.get('kr-reply').get('confidence')).toBe(4)
  expect(cards.get('obj-company').get('title').toString()).toBe('Win the smiles of more customers')
  expect(cards.get('obj-company').get('status')).toBe('draft')
  expect(cards.has('act-rota')).toBe(true)
  expect(cards.has('obj-dropped')).toBe(false)
  server.context.rooms.scheduleUnloadIfEmpty(room)
})
