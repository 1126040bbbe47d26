/**
 * Loaded with `--import` (through NODE_OPTIONS, which refuses --cpu-prof itself) into a
 * server under test when BENCH_CPU_PROF_DIR is set: profiles the whole process with the
 * in-process inspector and writes <dir>/<name>.<pid>.cpuprofile when it exits.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
import { join } from 'node:path'

const dir = process.env.BENCH_CPU_PROF_DIR
if (dir) {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.setSamplingInterval', { interval: 500 })
  session.post('Profiler.start')
  const name = process.argv.some((arg) => arg.includes('websocket-server'))
    ? 'reference'
    : 'catchball'
  // The reference relay has no SIGTERM handler: without one it would die without 'exit'.
  if (name === 'reference') process.once('SIGTERM', () => process.exit(0))
  process.once('exit', () => {
    // The in-process inspector answers synchronously, so this runs to the end before exit.
    session.post('Profiler.stop', (err, result) => {
      if (!err)
        writeFileSync(
          join(dir, `${name}.${process.pid}.cpuprofile`),
          JSON.stringify(result.profile),
        )
    })
  })
}
