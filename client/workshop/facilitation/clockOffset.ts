/**
 * Clock-skew estimation against the server, NTP style. Laptops in one room can disagree by
 * seconds; the shared timer is stamped and read on the server's clock, so every screen
 * shows the same remaining time whatever its own clock says.
 */
export interface ClockSample {
  /** Local clock (Date.now) when the request left. */
  sentAt: number
  /** Local clock when the answer arrived. */
  receivedAt: number
  /** The server's clock in its answer (`GET /api/time` → `{ now }`). */
  serverNow: number
}

/**
 * Milliseconds to add to the local clock to get the server's clock. The sample with the
 * shortest round trip wins: its answer waited least in queues, so "the server read its clock
 * half-way through the round trip" is closest to true for it.
 */
export function estimateClockOffset(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null
  for (const sample of samples) {
    const roundTrip = sample.receivedAt - sample.sentAt
    if (roundTrip < 0 || !Number.isFinite(roundTrip) || !Number.isFinite(sample.serverNow)) continue
    if (!best || roundTrip < best.receivedAt - best.sentAt) best = sample
  }
  if (!best) return null
  const roundTrip = best.receivedAt - best.sentAt
  return best.serverNow + roundTrip / 2 - best.receivedAt
}
