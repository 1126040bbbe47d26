import { readFileSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, loadavg, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { floodingParticipant } from './abuse/floodingParticipant.ts'
import { malformedCorpus } from './abuse/malformedCorpus.ts'
import { cardLatency } from './foundation/cardLatency.ts'
import { logCompaction } from './foundation/logCompaction.ts'
import { memoryWith20Clients } from './foundation/memoryWith20Clients.ts'
import { LOAD_SCENARIOS, writeLoadResults } from './load/index.ts'
import {
  cleanupActiveScenario,
  runScenario,
  within,
  type Figure,
  type Scenario,
  type ScenarioOutcome,
} from './support/scenario.ts'

/**
 * `npm run bench` runs every scenario in turn; `npm run bench -- cardLatency logCompaction`
 * runs only those, and a group name (`foundation`, `load`, `abuse`) runs its scenarios. Each
 * prints `scenario: figure` lines as it finishes, writes bench/results/<name>.json, and a summary
 * table ends the run; the load scenarios (Catchball beside the reference relay) also print a
 * side-by-side table and write bench/results/load.json. Exit code 1 if any failed.
 */
const FOUNDATION: Scenario[] = [cardLatency, logCompaction, memoryWith20Clients]
/** Bad input and abuse: malformed frames, oversized frames, pre- and post-auth floods. */
const ABUSE: Scenario[] = [malformedCorpus, floodingParticipant]
const SCENARIOS: Scenario[] = [...FOUNDATION, ...LOAD_SCENARIOS, ...ABUSE]
const GROUPS: Record<string, Scenario[]> = {
  foundation: FOUNDATION,
  load: LOAD_SCENARIOS,
  abuse: ABUSE,
}
const RESULTS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'results')
/** Set by Ctrl-C: no further scenario starts, and an interrupted one is not saved. */
let interrupted = false

function pickScenarios(args: string[]): Scenario[] {
  if (args.length === 0) return SCENARIOS
  const names = args.flatMap((arg) => GROUPS[arg]?.map((s) => s.name) ?? [arg])
  const unknown = names.filter((name) => !SCENARIOS.some((s) => s.name === name))
  if (unknown.length > 0) {
    console.error(`unknown scenario(s): ${unknown.join(', ')}`)
    console.error(`available: ${SCENARIOS.map((s) => s.name).join(', ')}`)
    console.error(`groups: ${Object.keys(GROUPS).join(', ')}`)
    process.exit(2)
  }
  return SCENARIOS.filter((s) => names.includes(s.name))
}

/** Numbers get as many decimals as make sense for their size. */
function formatValue({ value }: Figure): string {
  if (typeof value !== 'number') return String(value)
  if (Number.isInteger(value)) return value.toLocaleString('en-US')
  const decimals = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2
  return value.toFixed(decimals)
}

function printFigures(outcome: ScenarioOutcome): void {
  if (!outcome.ok) {
    console.log(`${outcome.name}: FAILED\n${outcome.error}`)
    return
  }
  for (const figure of outcome.result!.figures) {
    console.log(`${outcome.name}: ${figure.label} ${formatValue(figure)} ${figure.unit}`.trimEnd())
  }
}

const machine = () => ({
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  totalMemMiB: Math.round(totalmem() / 1024 / 1024),
  // Other work on the machine skews every figure: keep the load next to the numbers.
  loadAverage1m: loadavg()[0],
  cpuPressureSome10s: cpuPressure(),
})

/** % of the last 10 s in which some task waited for a CPU (Linux PSI), or null if unknown. */
function cpuPressure(): number | null {
  try {
    const match = /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))
    return match ? Number(match[1]) : null
  } catch {
    return null
  }
}

function warnIfBusy(): void {
  const [load] = loadavg()
  const pressure = cpuPressure()
  if (load > cpus().length || (pressure ?? 0) > 20) {
    const psi = pressure === null ? '' : `, CPU pressure ${pressure}%`
    console.log(
      `  (load average ${load.toFixed(1)} on ${cpus().length} CPUs${psi}: figures will be noisy)`,
    )
  }
}

async function saveResult(
  scenario: Scenario,
  outcome: ScenarioOutcome,
  startedAt: string,
  machineAtStart: ReturnType<typeof machine>,
) {
  await mkdir(RESULTS_DIR, { recursive: true })
  const json = {
    scenario: scenario.name,
    description: scenario.description,
    startedAt,
    durationMs: Math.round(outcome.durationMs),
    ok: outcome.ok,
    error: outcome.error,
    machineAtStart,
    machineAtEnd: machine(),
    figures: outcome.result?.figures,
    details: outcome.result?.details,
  }
  const path = join(RESULTS_DIR, `${scenario.name}.json`)
  await writeFile(path, JSON.stringify(json, null, 2) + '\n')
  return path
}

function printSummary(outcomes: ScenarioOutcome[]): void {
  const rows: string[][] = [['scenario', 'figure', 'value', 'unit']]
  for (const outcome of outcomes) {
    const figures = outcome.result?.figures ?? [{ label: 'FAILED', value: '', unit: '' }]
    for (const figure of figures) {
      rows.push([outcome.name, figure.label, formatValue(figure), figure.unit])
    }
  }
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)))
  const line = (row: string[]) =>
    row.map((cell, col) => (col === 2 ? cell.padStart(widths[col]) : cell.padEnd(widths[col])))
  console.log('\n| ' + line(rows[0]).join(' | ') + ' |')
  console.log(
    '|' +
      widths.map((w, col) => (col === 2 ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') +
      '|',
  )
  for (const row of rows.slice(1)) console.log('| ' + line(row).join(' | ') + ' |')
}

async function main(): Promise<number> {
  const scenarios = pickScenarios(process.argv.slice(2))
  const outcomes: ScenarioOutcome[] = []
  for (const scenario of scenarios) {
    if (interrupted) break
    console.log(
      `\n== ${scenario.name}: ${scenario.description} (limit ${scenario.timeoutMs / 1000} s)`,
    )
    const startedAt = new Date().toISOString()
    warnIfBusy()
    const machineAtStart = machine()
    const outcome = await runScenario(scenario)
    if (interrupted) break
    outcomes.push(outcome)
    printFigures(outcome)
    const path = await saveResult(scenario, outcome, startedAt, machineAtStart)
    console.log(`${scenario.name}: took ${(outcome.durationMs / 1000).toFixed(1)} s, wrote ${path}`)
  }
  if (outcomes.length > 0) printSummary(outcomes)
  const loadPath = await writeLoadResults(RESULTS_DIR, outcomes, machine())
  if (loadPath) console.log(`\nside-by-side figures written to ${loadPath}`)
  return outcomes.every((o) => o.ok) ? 0 : 1
}

// Ctrl-C: stop the servers and remove the temp dirs of the running scenario, then leave (the
// 'exit' hook in support/scenario.ts kills any server child that is somehow still there).
process.once('SIGINT', () => {
  interrupted = true
  console.log('\ninterrupted: cleaning up')
  void within(20_000, cleanupActiveScenario(), 'cleanup')
    .catch((err: Error) => console.error(err.message))
    .finally(() => process.exit(130))
})
// Exit explicitly: a provider timer left behind by a failed scenario must not keep us alive.
main().then(
  (code) => process.exit(interrupted ? 130 : code),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
