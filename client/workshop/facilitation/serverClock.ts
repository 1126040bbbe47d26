import { useSyncExternalStore } from 'react'
import { estimateClockOffset, type ClockSample } from './clockOffset.ts'

/**
 * This browser's view of the server's clock. The timer's `endsAt` is written and read in
 * server time, so a laptop whose clock is a minute off still shows the room's countdown.
 * One estimate per page (all boards share the server), refreshed when the network returns
 * and every few minutes (clocks drift, laptops sleep).
 */
const SAMPLE_COUNT = 5
const RESAMPLE_EVERY_MS = 5 * 60_000

let offsetMs = 0
let synced = false
/** The first estimate has been tried (it may have failed: then the local clock is used). */
let settled = false
let sampling: Promise<void> | null = null
let lastSampledAt = 0
const listeners = new Set<() => void>()

async function takeSample(): Promise<ClockSample | null> {
  const sentAt = Date.now()
  try {
    const response = await fetch('/api/time', { cache: 'no-store' })
    const receivedAt = Date.now()
    if (!response.ok) return null
    const body = (await response.json()) as { now?: unknown }
    return typeof body.now === 'number' ? { sentAt, receivedAt, serverNow: body.now } : null
  } catch {
    return null
  }
}

async function sampleClock(): Promise<void> {
  const samples: ClockSample[] = []
  // One after the other: parallel requests would queue behind each other and skew the rtt.
  for (let i = 0; i < SAMPLE_COUNT; i++) {
    const sample = await takeSample()
    if (sample) samples.push(sample)
  }
  const estimate = estimateClockOffset(samples)
  lastSampledAt = Date.now()
  const firstTry = !settled
  settled = true
  if (estimate !== null) {
    offsetMs = estimate
    synced = true
  }
  if (estimate !== null || firstTry) for (const listener of listeners) listener()
}

/**
 * Ask the server for its clock unless an estimate is fresh or on its way. A board page calls
 * it as it opens, so the estimate is ready by the time its sockets have synced.
 */
export function sampleServerClockIfDue(): void {
  if (sampling) return
  if (synced && Date.now() - lastSampledAt < RESAMPLE_EVERY_MS) return
  sampling = sampleClock().finally(() => {
    sampling = null
  })
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => {
    lastSampledAt = 0
    sampleServerClockIfDue()
  })
}

/** The server's clock now (ms since epoch), as well as this browser can tell. */
export function serverNow(): number {
  sampleServerClockIfDue()
  return Date.now() + offsetMs
}

/** The current offset (server minus local), for tests and diagnostics. */
export function serverClockOffset(): { offsetMs: number; synced: boolean } {
  return { offsetMs, synced }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  sampleServerClockIfDue()
  return () => listeners.delete(listener)
}

/**
 * Re-renders once the first estimate is in; true from then on. A countdown shown before
 * would be off by the laptop's own error (a minute, on a badly set clock) and then jump.
 * If the server cannot be asked, it turns true once trying has failed: the local clock is
 * the best there is.
 */
export function useServerClockReady(): boolean {
  return useSyncExternalStore(subscribe, () => settled)
}
