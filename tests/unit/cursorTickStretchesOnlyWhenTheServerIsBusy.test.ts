import { expect, it } from 'vitest'
import { AwarenessPace } from '../../server/rooms/AwarenessPace.ts'

// Defaults of server/config.ts: 33 ms tick, 100 ms at most, 10,000 awareness sends a second.
const pace = () => new AwarenessPace(33, 100, 10_000)

/** Every room flushes once in each of `seconds` windows, with `people` connections each. */
function busy(p: AwarenessPace, rooms: number, people: number, from: number, seconds: number) {
  const roomKeys = Array.from({ length: rooms }, () => ({}))
  for (let s = 0; s < seconds; s++) {
    for (const room of roomKeys) p.noteFlush(room, people, from + s * 1_000 + 10)
  }
  return from + seconds * 1_000 + 10
}

it('one big board of 200 people keeps the shortest tick', () => {
  const p = pace()
  const now = busy(p, 1, 200, 0, 3)
  // 200 receivers × 30 ticks a second is 6,000 sends: inside the budget.
  expect(p.tickMs(now)).toBe(33)
})

it('1,000 people over 50 boards stretch every tick to 100 ms, and no further', () => {
  const p = pace()
  const now = busy(p, 50, 20, 0, 3)
  expect(p.receiversLastWindow).toBe(1_000)
  // 1,000 receivers within 10,000 sends a second: one tick each per 100 ms.
  expect(p.tickMs(now)).toBe(100)

  const crowded = pace()
  // 3,000 people would need 300 ms: the tick stops at its longest, 100 ms.
  expect(crowded.tickMs(busy(crowded, 150, 20, 0, 3))).toBe(100)
})

it('500 people stretch the tick half-way, to 50 ms', () => {
  const p = pace()
  expect(p.tickMs(busy(p, 25, 20, 0, 3))).toBe(50)
})

it('the tick shrinks back once the crowd has gone quiet', () => {
  const p = pace()
  const now = busy(p, 50, 20, 0, 3)
  expect(p.tickMs(now)).toBe(100)
  // Only one board of 20 keeps moving cursors for the next two seconds.
  const later = busy(p, 1, 20, now, 2)
  expect(p.tickMs(later)).toBe(33)
  // And a server silent for a while starts again at the shortest tick.
  const q = pace()
  const afterCrowd = busy(q, 50, 20, 0, 3)
  expect(q.tickMs(afterCrowd + 5_000)).toBe(33)
})

it('a budget of 0 never stretches the tick', () => {
  const p = new AwarenessPace(33, 100, 0)
  expect(p.tickMs(busy(p, 50, 20, 0, 3))).toBe(33)
})
