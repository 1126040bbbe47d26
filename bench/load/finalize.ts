import { createBoard, join } from '../../tests/support/api.ts'
import type { Scenario } from '../support/scenario.ts'
import { median } from '../support/stats.ts'
import { clockMs } from './protocol.ts'
import { below, row, rowsAsFigures } from './report.ts'
import { seedBigBoard } from './seedBoard.ts'
import { startCatchball } from './targets.ts'

/**
 * Finalize a 1,000-card board (POST /outcomes: build the outcome set, hash it, store the
 * version) and download it in each export format, timed as HTTP round trips over loopback.
 * Five versions in a row; the figure is the slowest of them (the goal is per request).
 */
const CARDS = 1000
const TRIALS = 5
const FORMATS = ['json', 'md', 'csv'] as const

async function timed(url: string, init: RequestInit): Promise<{ ms: number; bytes: number }> {
  const start = clockMs()
  const response = await fetch(url, init)
  const body = await response.arrayBuffer()
  const ms = clockMs() - start
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status}`)
  return { ms, bytes: body.byteLength }
}

export const finalize: Scenario = {
  name: 'finalize',
  description: `${CARDS}-card board: finalize, then export json / md / csv (HTTP)`,
  timeoutMs: 120_000,
  async run(ctx) {
    const catchball = await startCatchball(ctx)
    const server = catchball.server!
    const board = await createBoard(server.url, 'Finalize bench')
    const facilitator = await join(server.url, board.id, 'Facilitator', board.tokens.facilitator)
    const wsUrl = `${server.wsUrl}/yjs/${board.id}?token=${facilitator.token}`
    await seedBigBoard(wsUrl, wsUrl, CARDS)
    const auth = { authorization: `Bearer ${facilitator.token}` }

    const finalizeMs: number[] = []
    const exportMs: Record<string, number[]> = { json: [], md: [], csv: [] }
    const sizes: Record<string, number> = {}
    for (let t = 0; t < TRIALS; t++) {
      const done = await timed(`${server.url}/api/boards/${board.id}/outcomes`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ note: `bench ${t + 1}` }),
      })
      finalizeMs.push(done.ms)
      for (const format of FORMATS) {
        const url = `${server.url}/api/boards/${board.id}/outcomes/${t + 1}?format=${format}`
        const got = await timed(url, { headers: auth })
        exportMs[format].push(got.ms)
        sizes[format] = got.bytes
      }
    }
    await catchball.stop()

    const s = 'finalize'
    const goal = below(300, 'ms')
    const rows = [
      row(s, 'finalize, slowest of 5', 'ms', Math.max(...finalizeMs), null, goal),
      row(s, 'finalize, median', 'ms', median(finalizeMs), null),
      ...FORMATS.flatMap((format) => [
        row(s, `export ${format}, slowest of 5`, 'ms', Math.max(...exportMs[format]), null, goal),
        row(s, `export ${format} size`, 'KiB', sizes[format] / 1024, null),
      ]),
    ]
    return {
      figures: rowsAsFigures(rows),
      details: { comparison: rows, cards: CARDS, finalizeMs, exportMs, sizesBytes: sizes },
    }
  },
}
