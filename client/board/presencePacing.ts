import type { Box, TLInstancePresence, TLUserId } from 'tldraw'

/**
 * When others' presence changes reach tldraw. Every change tldraw takes costs the page: each
 * cursor is a React component, the arrows at the screen's edge are redrawn, and every
 * reactive view of the collaborators runs again. With 200 people moving their cursors ten
 * times a second that kept a participant's main thread over 80 % busy at 8-13 frames a
 * second (`npm run bench -- browserInBigRoom`). So changes go in at three paces:
 * - now: a newcomer, the person we follow, a change of page, name, colour or selection;
 * - in sight (a cursor in or near our view, or leaving it): at once while the room is small,
 *   within a budget of cursor updates per second when a crowd is in view;
 * - out of sight (only an edge arrow moves): once a second.
 * Whatever waits goes in at once when our view moves.
 */
export type PresencePace = 'now' | 'inSight' | 'outOfSight'

/** How often a peer whose cursor is out of our sight gets their presence updated. */
export const OUT_OF_SIGHT_EVERY_MS = 1_000

/**
 * Cursor updates in sight per second the page takes at most: 40 people in view keep ten
 * updates a second each, 100 get four, 200 get two.
 */
export const IN_SIGHT_UPDATES_PER_SECOND = 400

/**
 * The view counts this much bigger on each side (share of its longer side), so a cursor
 * coming into view is already moving at the in-sight pace when it gets there.
 */
const SIGHT_MARGIN = 0.2

export function presencePace(
  next: TLInstancePresence,
  shown: TLInstancePresence | undefined,
  view: Box,
  followingUserId: TLUserId | null,
): PresencePace {
  if (!shown || next.userId === followingUserId) return 'now'
  if (
    next.currentPageId !== shown.currentPageId ||
    next.userName !== shown.userName ||
    next.color !== shown.color ||
    !sameIds(next.selectedShapeIds, shown.selectedShapeIds)
  ) {
    return 'now'
  }
  const margin = SIGHT_MARGIN * Math.max(view.w, view.h)
  const inSight = (cursor: TLInstancePresence['cursor']) =>
    cursor !== null && view.containsPoint(cursor, margin)
  return inSight(next.cursor) || inSight(shown.cursor) ? 'inSight' : 'outOfSight'
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}

type PresenceId = TLInstancePresence['id']
type Timer = ReturnType<typeof setTimeout>

/**
 * Holds the changes that wait, each peer's latest only, and hands them to `deliver` when
 * their pace allows. The caller offers each change of a batch, then takes what is due with
 * it, so a batch is one store change.
 */
export class PresencePacer {
  private readonly inSight = new Map<PresenceId, TLInstancePresence>()
  private readonly outOfSight = new Map<PresenceId, TLInstancePresence>()
  private inSightTimer: Timer | null = null
  private outOfSightTimer: Timer | null = null
  /** When in-sight changes may next go in: each delivery spends budget for its size. */
  private nextInSightAt = -Infinity

  constructor(
    private readonly deliver: (records: TLInstancePresence[]) => void,
    private readonly clock: () => number = Date.now,
  ) {}

  /** A peer's new presence. True: it goes in with the caller's batch now. */
  offer(record: TLInstancePresence, pace: PresencePace): boolean {
    this.forget(record.id)
    if (pace === 'now') return true
    if (pace === 'inSight') {
      this.inSight.set(record.id, record)
    } else {
      this.outOfSight.set(record.id, record)
      this.outOfSightTimer ??= setTimeout(() => {
        this.outOfSightTimer = null
        this.deliverAll(this.outOfSight)
      }, OUT_OF_SIGHT_EVERY_MS)
    }
    return false
  }

  /**
   * The in-sight changes that may go in with the caller's batch: all of them if the budget
   * spent by the last ones is back (n updates take n / IN_SIGHT_UPDATES_PER_SECOND seconds),
   * else none now and all of them, each peer's latest, once it is.
   */
  takeDueInSight(): TLInstancePresence[] {
    if (this.inSight.size === 0 || this.inSightTimer !== null) return []
    const now = this.clock()
    if (now >= this.nextInSightAt) return this.spend(now, this.takeAll(this.inSight))
    this.deliverInSightWhenDue()
    return []
  }

  /** The peer left, or has nothing to show: whatever of theirs waits is dropped. */
  forget(id: PresenceId): void {
    this.inSight.delete(id)
    this.outOfSight.delete(id)
  }

  /**
   * Our view moved: whoever waits out of sight may be in sight now, so everything waiting
   * goes in as the in-sight budget allows (right after the caller's code if it does).
   */
  viewMoved(): void {
    for (const [id, record] of this.outOfSight) this.inSight.set(id, record)
    this.outOfSight.clear()
    if (this.inSight.size > 0) this.deliverInSightWhenDue()
  }

  dispose(): void {
    for (const timer of [this.inSightTimer, this.outOfSightTimer]) {
      if (timer !== null) clearTimeout(timer)
    }
    this.inSight.clear()
    this.outOfSight.clear()
  }

  private deliverInSightWhenDue(): void {
    this.inSightTimer ??= setTimeout(
      () => {
        this.inSightTimer = null
        const records = this.spend(this.clock(), this.takeAll(this.inSight))
        if (records.length > 0) this.deliver(records)
      },
      Math.max(0, this.nextInSightAt - this.clock()),
    )
  }

  private spend(now: number, records: TLInstancePresence[]): TLInstancePresence[] {
    this.nextInSightAt = now + (records.length * 1000) / IN_SIGHT_UPDATES_PER_SECOND
    return records
  }

  private deliverAll(waiting: Map<PresenceId, TLInstancePresence>): void {
    const records = this.takeAll(waiting)
    if (records.length > 0) this.deliver(records)
  }

  private takeAll(waiting: Map<PresenceId, TLInstancePresence>): TLInstancePresence[] {
    const records = [...waiting.values()]
    waiting.clear()
    return records
  }
}
