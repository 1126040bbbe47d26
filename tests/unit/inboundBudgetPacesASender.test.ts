import { expect, it } from 'vitest'
import { InboundBudget } from '../../server/rooms/InboundBudget.ts'

const rates = { messagesPerSecond: 10, messageBurst: 3, bytesPerSecond: 1000, byteBurst: 2000 }

/** Take messages of `size` bytes while they are allowed at `now`; how many went through. */
function takeWhileAllowed(budget: InboundBudget, now: number, size: number): number {
  let taken = 0
  while (budget.waitMs(now) === 0 && taken < 1000) {
    budget.take(size)
    taken++
  }
  return taken
}

it('a burst goes through at once, then messages come at the sustained rate', () => {
  const budget = new InboundBudget(rates, 0)
  expect(takeWhileAllowed(budget, 0, 1)).toBe(3)
  // None left: the next is allowed once a tenth of a second has refilled one.
  expect(budget.waitMs(0)).toBe(100)
  expect(takeWhileAllowed(budget, 99, 1)).toBe(0)
  expect(takeWhileAllowed(budget, 100, 1)).toBe(1)
  // A quiet minute refills the burst, never more.
  expect(takeWhileAllowed(budget, 60_100, 1)).toBe(3)
})

it('bytes are paced too, and a message larger than the byte burst still gets through', () => {
  const budget = new InboundBudget(rates, 0)
  // 5,000 bytes: two and a half bursts. It passes, and the 3,000 bytes it overdrew are paid
  // back at 1,000 bytes a second before anything else is read.
  expect(takeWhileAllowed(budget, 0, 5000)).toBe(1)
  expect(takeWhileAllowed(budget, 2999, 10)).toBe(0)
  expect(takeWhileAllowed(budget, 3010, 10)).toBe(1)
})

it('a rate of 0 means no limit', () => {
  const budget = new InboundBudget(
    { messagesPerSecond: 0, messageBurst: 0, bytesPerSecond: 0, byteBurst: 0 },
    0,
  )
  expect(takeWhileAllowed(budget, 0, 1_000_000)).toBe(1000)
})
