import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { getMeta } from '../../shared/boardDoc.ts'
import type { Scenario } from '../support/scenario.ts'
import { delay } from '../support/scenario.ts'
import { median } from '../support/stats.ts'
import { atMostReference, row, rowsAsFigures } from './report.ts'
import { SYNC_UPDATE, clockMs, encodeSync } from './protocol.ts'
import { joinAndSync, seedBigBoard } from './seedBoard.ts'
import { startCatchball, startReference } from './targets.ts'

/**
 * Joining a 1,000-card board: time from opening the socket to the server's sync step 2
 * (which carries the whole board), for 1 client alone and for 20 joining at once.
 * - Catchball "from disk": nobody is in the board, the room has unloaded, so the join
 *   reads the update log (ROOM_UNLOAD_DELAY_MS is set to 300 ms here so it unloads between
 *   trials; everything else is default: auth and persistence on).
 * - Catchball "in memory" and the reference relay (which keeps every document in memory):
 *   one participant stays connected, so the document is loaded, and changes it before
 *   every trial (so each joiner needs a change the one before did not get).
 * Catchball also serves a browser's first visit over HTTP (the whole document, compressed,
 * before the socket connects): that download is timed from disk and in use the same way.
 */
const CARDS = 1000
const GROUP = 20
const TRIALS_ONE = 5
const TRIALS_GROUP = 5
const UNLOAD_DELAY_MS = 300
/** Between browsers opening the board in use (see measure). */
const NEWCOMER_GAP_MS = 2_500
/** Past the unload delay and the compaction of the log that runs on unload. */
const WAIT_FOR_UNLOAD_MS = 2_000

interface Figures {
  one: number[]
  groupMax: number[]
  groupMedian: number[]
  step2Bytes: number
  /** Catchball only: a browser's first-visit download (GET …/document, brotli), in ms. */
  download: number[]
}

/**
 * What a browser opening the board for the first time does before its socket connects:
 * download the whole document over HTTP, brotli-compressed (timed until the body is read
 * and decompressed). The board id and personal token come from a Catchball room URL.
 */
async function downloadMs(roomUrl: string): Promise<number> {
  const url = new URL(roomUrl)
  const boardId = url.pathname.slice(url.pathname.lastIndexOf('/') + 1)
  const start = clockMs()
  const response = await fetch(`http://${url.host}/api/boards/${boardId}/document`, {
    headers: {
      authorization: `Bearer ${url.searchParams.get('token')}`,
      'accept-encoding': 'br',
    },
  })
  await response.arrayBuffer()
  const ms = clockMs() - start
  if (!response.ok) throw new Error(`GET /document: ${response.status}`)
  return ms
}

async function trials(
  urls: string[],
  beforeEach: () => Promise<void>,
  /** Catchball only: what happens before each download (none are timed without it). */
  beforeDownload?: () => Promise<void>,
): Promise<Figures> {
  const figures: Figures = { one: [], groupMax: [], groupMedian: [], step2Bytes: 0, download: [] }
  const downloadTrials = beforeDownload ? TRIALS_ONE : 0
  for (let t = 0; t < downloadTrials; t++) {
    await beforeDownload?.()
    figures.download.push(await downloadMs(urls[0]))
  }
  for (let t = 0; t < TRIALS_ONE; t++) {
    await beforeEach()
    const timing = await joinAndSync(urls[0])
    figures.one.push(timing.syncStep2Ms)
    figures.step2Bytes = timing.bytes
  }
  for (let t = 0; t < TRIALS_GROUP; t++) {
    await beforeEach()
    const timings = await Promise.all(urls.slice(0, GROUP).map((url) => joinAndSync(url)))
    const ms = timings.map((timing) => timing.syncStep2Ms)
    figures.groupMax.push(Math.max(...ms))
    figures.groupMedian.push(median(ms))
  }
  return figures
}

/**
 * One participant who stays in the board, so the room stays loaded, and who changes the
 * board before every trial: the joiners then get the document as it is now, never an
 * answer kept from the trial before.
 */
async function holdRoom(url: string): Promise<{ touch(): void; release(): void }> {
  const socket = new WebSocket(url, { perMessageDeflate: false })
  await new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve())
    socket.once('error', reject)
  })
  const doc = new Y.Doc()
  doc.on('update', (update: Uint8Array) => socket.send(encodeSync(SYNC_UPDATE, update)))
  let touches = 0
  return {
    touch: () => getMeta(doc).set('benchTouch', ++touches),
    release: () => {
      socket.terminate()
      doc.destroy()
    },
  }
}

const unloaded = () => delay(WAIT_FOR_UNLOAD_MS)

/** `fromDisk`: each trial after the room unloaded; `downloads`: time the HTTP download too. */
async function measure(
  urls: string[],
  { fromDisk, downloads }: { fromDisk: boolean; downloads: boolean },
): Promise<Figures> {
  if (fromDisk) return trials(urls, unloaded, downloads ? unloaded : undefined)
  const holder = await holdRoom(urls[GROUP])
  const touched = (waitMs: number) => async () => {
    holder.touch()
    await delay(waitMs)
  }
  try {
    return await trials(
      urls,
      touched(200),
      // Browsers opening the board a few seconds apart while it is edited: past the 2 s for
      // which a compressed download is handed out again as it is.
      downloads ? touched(NEWCOMER_GAP_MS) : undefined,
    )
  } finally {
    holder.release()
  }
}

export const coldJoin: Scenario = {
  name: 'coldJoin',
  description: `${CARDS}-card board: 1 and ${GROUP} clients joining at once → sync step 2`,
  timeoutMs: 240_000,
  async run(ctx) {
    const catchball = await startCatchball(ctx, {
      ROOM_UNLOAD_DELAY_MS: String(UNLOAD_DELAY_MS),
    })
    const [catchballUrls] = await catchball.rooms(1, GROUP + 2, 'Cold join')
    const seeded = await seedBigBoard(catchballUrls[GROUP + 1], catchballUrls[0], CARDS)
    const fromDisk = await measure(catchballUrls, { fromDisk: true, downloads: true })
    const inMemory = await measure(catchballUrls, { fromDisk: false, downloads: true })
    await catchball.stop()

    const reference = await startReference(ctx)
    const [referenceUrls] = await reference.rooms(1, GROUP + 2, 'Cold join')
    await seedBigBoard(referenceUrls[GROUP + 1], referenceUrls[0], CARDS)
    const ref = await measure(referenceUrls, { fromDisk: false, downloads: false })
    await reference.stop()

    const goal = atMostReference()
    const s = 'coldJoin'
    const rows = [
      row(s, '1 client, from disk: median', 'ms', median(fromDisk.one), median(ref.one), goal),
      row(s, '1 client, in memory: median', 'ms', median(inMemory.one), median(ref.one), goal),
      row(
        s,
        `${GROUP} at once, from disk: last`,
        'ms',
        median(fromDisk.groupMax),
        median(ref.groupMax),
        goal,
      ),
      row(
        s,
        `${GROUP} at once, in memory: last`,
        'ms',
        median(inMemory.groupMax),
        median(ref.groupMax),
        goal,
      ),
      row(
        s,
        `${GROUP} at once, in memory: median`,
        'ms',
        median(inMemory.groupMedian),
        median(ref.groupMedian),
      ),
      row(s, 'sync step 2 size', 'KiB', fromDisk.step2Bytes / 1024, ref.step2Bytes / 1024),
      // No peer: the reference relay has no HTTP download; its way in is the sync step 2 above.
      row(
        s,
        'browser download (HTTP, br), from disk: median',
        'ms',
        median(fromDisk.download),
        null,
      ),
      row(s, 'browser download (HTTP, br), in use: median', 'ms', median(inMemory.download), null),
    ]
    return {
      figures: rowsAsFigures(rows),
      details: {
        comparison: rows,
        cards: CARDS,
        seededUpdateBytes: seeded.updateBytes,
        note: 'reference = in memory (no persistence configured); medians over trials',
        catchballFromDisk: fromDisk,
        catchballInMemory: inMemory,
        reference: ref,
      },
    }
  },
}
