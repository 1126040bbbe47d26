import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'

/**
 * Figures of another process read from Linux's /proc, so the server is measured from the
 * outside and the measuring never runs on its event loop.
 */

/** Clock ticks per second, the unit of utime/stime in /proc/<pid>/stat (almost always 100). */
const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** A `Vm…:  1234 kB` line of /proc/<pid>/status, in KiB. VmRSS is now, VmHWM the peak. */
export function readStatusKiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`)
  return Number(match[1])
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')
}

/** User + system CPU seconds the process has used so far (fields 14 and 15 of stat). */
export function readCpuSeconds(pid: number): number {
  const fields = statFields(pid)
  // fields[0] is field 3 (state), so field n is fields[n - 3].
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
}

/** Pids of this process's children whose command line contains `needle`. */
export function childPidsMatching(needle: string): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if (Number(statFields(Number(entry))[1]) !== process.pid) continue
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ')
      if (cmdline.includes(needle)) pids.push(Number(entry))
    } catch {
      // The process ended while we looked: nothing to find.
    }
  }
  return pids
}

export interface RssSampler {
  /** Stop sampling; returns the peak and every sample (KiB). */
  stop(): { peakKiB: number; samples: number[] }
}

/**
 * Sample VmRSS every `intervalMs`. Sampling stops by itself after `maxSamples` (so a forgotten
 * sampler cannot run forever) or when the process is gone.
 */
export function sampleRss(pid: number, intervalMs = 100, maxSamples = 3000): RssSampler {
  const samples: number[] = [readStatusKiB(pid, 'VmRSS')]
  const timer = setInterval(() => {
    try {
      samples.push(readStatusKiB(pid, 'VmRSS'))
    } catch {
      clearInterval(timer)
    }
    if (samples.length >= maxSamples) clearInterval(timer)
  }, intervalMs)
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      return { peakKiB: Math.max(...samples), samples }
    },
  }
}
