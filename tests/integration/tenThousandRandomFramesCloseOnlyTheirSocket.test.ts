import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCard, getMeta } from '../../shared/boardDoc.ts'
import { CloseCode } from '../../shared/closeCodes.ts'
import { boardWithPeople, type BoardWithPeople } from '../support/boardFixture.ts'
import { expectedOutcome, malformedCorpus } from '../support/malformedCorpus.ts'
import { inLanes } from '../support/inLanes.ts'
import { sendFrame, type FrameResult } from '../support/sendFrame.ts'
import { newServer, type TestServer } from '../support/testServer.ts'
import { connectClient, eventually, waitForSync, type YClient } from '../support/yClient.ts'

/**
 * The malformed corpus (empty frame, 10,000 seeded random frames, every truncation of a
 * valid update, the Yjs decoder-hang payloads), each frame on its own socket from a
 * participant who may write, so updates reach the decoder. Every frame the contract calls
 * undecodable closes its socket with 4400 (ws's own 1009 and 1002 never occur: every frame
 * is far below maxPayload and well framed); every other one (unknown message types, the
 * rare random bytes that decode) leaves it open. Nothing reaches the stored board, and
 * another board keeps editing throughout.
 */
const LANES = 100
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')

let server: TestServer
let target: BoardWithPeople
let watcher: YClient
let writer: YClient
let reader: YClient
beforeAll(async () => {
  // One address opens ~10,100 sockets here: far past the per-IP limit meant for people.
  server = await newServer({ WS_CONNECTIONS_PER_IP_PER_MINUTE: 1_000_000 })
  target = await boardWithPeople(server, 1, 'Under attack')
  watcher = connectClient(server.wsUrl, target.board.id, target.facilitator.token)
  await waitForSync(watcher)
  // A presence as a board page publishes one. The provider's own initial state has clock 0,
  // which y-protocols' rule (kept by the server) ignores for a client it does not know yet:
  // the watcher would only appear at its first renewal, 15 s in, racing the check below.
  watcher.provider.awareness.setLocalState({ user: { name: 'Watcher' } })
  await eventually(() => cursorIds() === String(watcher.doc.clientID), 5000, 'the watcher')
  createCard(watcher.doc, { kind: 'objective', title: 'Stays exactly as it is' })
  const healthy = await boardWithPeople(server, 2, 'Healthy')
  writer = connectClient(server.wsUrl, healthy.board.id, healthy.participants[0].token)
  reader = connectClient(server.wsUrl, healthy.board.id, healthy.participants[1].token)
  await Promise.all([waitForSync(writer), waitForSync(reader)])
  await eventually(() => targetRoom().doc.getMap('cards').size === 1, 5000, 'the card')
})
afterAll(async () => {
  for (const client of [watcher, writer, reader]) client?.destroy()
  await server?.destroy()
})

const targetRoom = () => server.context.rooms.loaded(target.board.id, 'board')!
/** The client ids whose cursors the attacked board holds. */
const cursorIds = () => targetRoom().awareness.clientIds().join()
const attackerUrl = () =>
  `${server.wsUrl}/yjs/${target.board.id}?token=${target.participants[0].token}`

/** The board as a newcomer gets it, and the update log as it is on disk. */
async function storedBoard(): Promise<{ state: Uint8Array; log: Buffer }> {
  const fresh = connectClient(server.wsUrl, target.board.id, target.viewer.token)
  try {
    await waitForSync(fresh)
    const room = targetRoom()
    await room.log.flush()
    const log = await readFile(server.context.rooms.logPath(target.board.id, 'board'))
    return { state: Y.encodeStateAsUpdate(fresh.doc), log }
  } finally {
    fresh.destroy()
  }
}

/** Edits on the other board, each waited for on its other client, until stopped. */
function keepEditing() {
  const state = { stopped: false, delivered: 0 }
  const running = (async () => {
    for (let tick = 1; !state.stopped; tick++) {
      getMeta(writer.doc).set('tick', tick)
      await eventually(() => getMeta(reader.doc).get('tick') === tick, 20_000, `edit ${tick}`)
      state.delivered++
    }
  })()
  return {
    delivered: () => state.delivered,
    stop: async () => {
      state.stopped = true
      await running
    },
  }
}

it('every malformed frame closes only its socket with 4400; the board is untouched', async () => {
  const corpus = malformedCorpus()
  const expected = corpus.map((frame) => expectedOutcome(frame.bytes))
  // The corpus holds both kinds, so "open" is asserted, not assumed away.
  expect(expected.filter((e) => e === 'open').length).toBeGreaterThan(1000)
  expect(expected.filter((e) => e === 'closed').length).toBeGreaterThan(7000)

  const before = await storedBoard()
  const beforeInMemory = Y.encodeStateAsUpdate(targetRoom().doc)
  const editing = keepEditing()

  const results: FrameResult[] = await inLanes(corpus, LANES, async (frame, i) => {
    const result = await sendFrame(attackerUrl(), frame.bytes)
    // Checked as we go (in memory, cheap), so a half-applied frame is caught near its index.
    if (i % LANES === 0) expect(Y.encodeStateAsUpdate(targetRoom().doc)).toEqual(beforeInMemory)
    return result
  })
  const deliveredDuringCorpus = editing.delivered()
  await editing.stop()

  const mismatches = corpus
    .map((frame, i) => ({ ...frame, expected: expected[i], got: results[i] }))
    .filter(({ expected: want, got }) => (want === 'open' ? got !== 'open' : got !== 4400))
    .map(({ what, bytes, expected: want, got }) => ({ what, hex: hex(bytes), want, got }))
  expect(mismatches.slice(0, 5)).toEqual([])
  expect(new Set(results.filter((r) => r !== 'open'))).toEqual(new Set([CloseCode.Malformed]))

  // No corpus socket left a cursor behind (those that announced one took it when leaving),
  // and none took the watcher's away.
  const onlyWatcher = String(watcher.doc.clientID)
  await eventually(() => cursorIds() === onlyWatcher, 5000, 'awareness').catch(() =>
    // Fails showing which client ids the room still holds.
    expect(cursorIds()).toBe(onlyWatcher),
  )
  // Nothing was applied: what a newcomer syncs and what the log holds are byte-identical.
  const after = await storedBoard()
  expect(after.state).toEqual(before.state)
  expect(after.log.equals(before.log)).toBe(true)

  // Only the corpus sockets were closed: the watcher and the other board's clients stayed.
  expect(watcher.provider.wsconnected).toBe(true)
  expect(writer.provider.wsconnected && reader.provider.wsconnected).toBe(true)
  expect(deliveredDuringCorpus).toBeGreaterThan(0)
  getMeta(writer.doc).set('after', 'the corpus')
  await eventually(() => getMeta(reader.doc).get('after') === 'the corpus', 5000, 'edit after')
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
}, 120_000)
