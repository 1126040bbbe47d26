/**
 * How often rooms send cursor (awareness) changes, shared by every room of the process.
 *
 * Each tick of a room costs one send per person in it, and on a busy server those sends
 * (one syscall each) are most of the work: 1,000 people over 50 boards at a 33 ms tick is
 * 30,000 sends a second. So the process has a budget of awareness sends per second. While
 * the people in rooms whose cursors moved in the last second fit the budget at the
 * shortest tick, nothing changes; beyond it, every room's tick stretches by the same
 * factor, up to a longest tick, and shrinks back as soon as the load goes. Cursors then
 * move less often on every board (10 times a second at 100 ms, Liveblocks' default
 * presence throttle) while document edits keep going out at once.
 */
export class AwarenessPace {
  /** Receivers per room that flushed awareness in the current window (largest seen). */
  private current = new Map<object, number>()
  private windowStartedAt: number | null = null
  private activeReceivers = 0

  constructor(
    private readonly minTickMs: number,
    private readonly maxTickMs: number,
    private readonly sendsPerSecond: number,
    private readonly windowMs = 1_000,
  ) {}

  /** A room sent an awareness message to `receivers` connections. */
  noteFlush(room: object, receivers: number, now: number): void {
    this.roll(now)
    if (receivers > (this.current.get(room) ?? 0)) this.current.set(room, receivers)
  }

  /** The tick a room should wait now before sending the awareness changes it holds. */
  tickMs(now: number): number {
    this.roll(now)
    if (this.sendsPerSecond <= 0) return this.minTickMs
    const needed = (this.activeReceivers * 1_000) / this.sendsPerSecond
    return Math.min(this.maxTickMs, Math.max(this.minTickMs, Math.ceil(needed)))
  }

  /** People counted in the last full window (what the current tick is based on). */
  get receiversLastWindow(): number {
    return this.activeReceivers
  }

  /**
   * Close the window once it is over: its total becomes the figure ticks are based on. A
   * window with no flush at all (an idle server) counts as nobody. No timer is involved, so
   * an idle process holds none.
   */
  private roll(now: number): void {
    if (this.windowStartedAt === null) {
      this.windowStartedAt = now
      return
    }
    const elapsed = now - this.windowStartedAt
    if (elapsed < this.windowMs) return
    let total = 0
    for (const receivers of this.current.values()) total += receivers
    // Longer than two windows since the last roll: the window just ended was silent.
    this.activeReceivers = elapsed >= 2 * this.windowMs ? 0 : total
    this.current = new Map()
    this.windowStartedAt = now
  }
}
