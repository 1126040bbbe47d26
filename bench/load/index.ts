import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Scenario, ScenarioOutcome } from '../support/scenario.ts'
import { browserInBigRoom } from './browserInBigRoom.ts'
import { browserJoin, browserJoinOverHomeLink } from './browserJoin.ts'
import { coldJoin } from './coldJoin.ts'
import { finalize } from './finalize.ts'
import { comparisonTable, type ComparisonRow } from './report.ts'
import {
  bigRoom,
  bigRoomEchoing,
  manyRooms,
  steadyRoom,
  PROTOCOL_CLIENT,
} from './trafficScenarios.ts'
import { voteBurst } from './voteBurst.ts'

/**
 * The load scenarios of issue 5 (`npm run bench -- load`), and the side-by-side table they
 * produce: printed at the end of the run and kept in bench/results/load.json, where each
 * scenario's rows are replaced when it runs again (so running one scenario keeps the rest).
 */
export const LOAD_SCENARIOS: Scenario[] = [
  bigRoom,
  bigRoomEchoing,
  manyRooms,
  steadyRoom,
  coldJoin,
  voteBurst,
  finalize,
  browserJoin,
  browserJoinOverHomeLink,
  browserInBigRoom,
]

interface LoadJson {
  description: string
  updatedAt: string
  scenarios: Record<
    string,
    { finishedAt: string; ok: boolean; error?: string; machine: unknown; rows: ComparisonRow[] }
  >
}

const loadNames = new Set(LOAD_SCENARIOS.map((s) => s.name))

export async function writeLoadResults(
  resultsDir: string,
  outcomes: ScenarioOutcome[],
  machine: unknown,
): Promise<string | null> {
  const ran = outcomes.filter((o) => loadNames.has(o.name))
  if (ran.length === 0) return null
  const path = join(resultsDir, 'load.json')
  const previous = await readFile(path, 'utf8')
    .then((text) => JSON.parse(text) as LoadJson)
    .catch(() => null)
  const json: LoadJson = {
    description:
      'Catchball (auth + persistence on) beside the reference relay @y/websocket-server ' +
      `0.1.1, same load; ratio = Catchball / reference. Client: ${PROTOCOL_CLIENT}.`,
    updatedAt: new Date().toISOString(),
    scenarios: previous?.scenarios ?? {},
  }
  const rows: ComparisonRow[] = []
  for (const outcome of ran) {
    const outcomeRows = (outcome.result?.details.comparison as ComparisonRow[] | undefined) ?? []
    rows.push(...outcomeRows)
    json.scenarios[outcome.name] = {
      finishedAt: new Date().toISOString(),
      ok: outcome.ok,
      error: outcome.error,
      machine,
      rows: outcomeRows,
    }
  }
  console.log('\nCatchball beside the reference relay (ratio = Catchball / reference)')
  console.log(`load generator: ${PROTOCOL_CLIENT}\n`)
  console.log(comparisonTable(rows))
  const failed = ran.filter((o) => !o.ok).map((o) => o.name)
  if (failed.length > 0) console.log(`(failed, no figures: ${failed.join(', ')})`)
  const missed = rows.filter((r) => r.met === false)
  // A failed scenario measured nothing: "every goal was met" would hide it.
  const unmeasured = failed.length > 0 ? `; not measured, as they failed: ${failed.join(', ')}` : ''
  console.log(
    missed.length === 0
      ? `\nevery goal measured was met${unmeasured}`
      : `\ngoals missed: ${missed.map((r) => `${r.scenario} ${r.metric}`).join('; ')}${unmeasured}`,
  )
  await writeFile(path, JSON.stringify(json, null, 2) + '\n')
  return path
}
