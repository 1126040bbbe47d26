/**
 * New WebSocket connections per client IP in a sliding one-minute window. A client over
 * the limit is closed with 4429 before it touches any room.
 */
export class ConnectionRateLimit {
  private readonly recent = new Map<string, number[]>()
  private sweeper: NodeJS.Timeout

  constructor(private readonly perMinute: number) {
    // Forget idle addresses so the map does not grow without bound.
    this.sweeper = setInterval(() => this.sweep(Date.now()), 60_000)
    this.sweeper.unref()
  }

  /** Record a connection attempt; false when this address is over its limit. */
  allow(address: string, now = Date.now()): boolean {
    const times = (this.recent.get(address) ?? []).filter((t) => now - t < 60_000)
    if (times.length >= this.perMinute) {
      this.recent.set(address, times)
      return false
    }
    times.push(now)
    this.recent.set(address, times)
    return true
  }

  private sweep(now: number): void {
    for (const [address, times] of this.recent) {
      if (times.every((t) => now - t >= 60_000)) this.recent.delete(address)
    }
  }

  stop(): void {
    clearInterval(this.sweeper)
  }
}
