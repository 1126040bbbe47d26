import type { Page } from '@playwright/test'
import { createBoardViaLanding, joinViaLink } from './support/boardFlows.ts'
import { expect, test } from './support/fixtures.ts'
import { readTimerSeconds, skewClock } from './support/workshopHelpers.ts'

/** Everyone's timer display at (nearly) the same moment. */
async function readAll(pages: Page[]): Promise<(number | null)[]> {
  return Promise.all(pages.map((page) => readTimerSeconds(page)))
}

function spread(values: (number | null)[]): number {
  const numbers = values.filter((value): value is number => value !== null)
  if (numbers.length !== values.length) return Infinity
  return Math.max(...numbers) - Math.min(...numbers)
}

test('the facilitator’s timer counts down on every screen within a second, wrong clocks included', async ({
  newPerson,
}) => {
  const fiona = await newPerson('Fiona Facilitator')
  const paul = await newPerson('Paul Participant')
  const pia = await newPerson('Pia Participant')
  // Two laptops with wrong clocks: Paul's 20 s slow, Pia's 45 s fast. The timer is stamped
  // and read on the server's clock, so they must still agree with Fiona.
  await skewClock(paul.page, -20_000)
  await skewClock(pia.page, 45_000)
  // And Pia's network is slow: her clock estimate (five requests in a row) takes 2 s. Her
  // countdown must not show until she has it: before, it would be 45 s off. (The delay is
  // on the way out, so her estimate is off by 0.2 s, inside the 1 s asserted below.)
  await pia.page.route('**/api/time', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400))
    await route.continue()
  })
  const { links } = await createBoardViaLanding(fiona, 'Timer')
  await joinViaLink(paul, links.participant)
  await joinViaLink(pia, links.participant)
  const pages = [fiona.page, paul.page, pia.page]

  // No timer yet: participants see none and no controls.
  await expect(paul.page.getByTestId('timer-remaining')).toHaveCount(0)
  await expect(paul.page.getByTestId('timer-menu')).toHaveCount(0)

  await fiona.page.getByTestId('timer-menu').click()
  await fiona.page.getByTestId('timer-start-5').click()
  for (const page of pages) await expect(page.getByTestId('timer-remaining')).toBeVisible()

  // Sampled a few times over a few seconds: the three displays never differ by more than
  // 1 s (reads of three pages are a few ms apart), and they count down.
  const first = await readAll(pages)
  expect(spread(first), `displays: ${first.join(', ')}`).toBeLessThanOrEqual(1)
  expect(first[0]).toBeGreaterThan(4 * 60 + 50)
  expect(first[0]).toBeLessThanOrEqual(5 * 60)
  for (let sample = 0; sample < 3; sample++) {
    await fiona.page.waitForTimeout(1_100)
    const values = await readAll(pages)
    expect(spread(values), `displays: ${values.join(', ')}`).toBeLessThanOrEqual(1)
  }
  const later = await readAll(pages)
  expect(later[1]).toBeLessThan(first[1] ?? 0)

  // Pause: every screen freezes on the same second and says so.
  await fiona.page.getByTestId('timer-pause').click()
  for (const page of pages)
    await expect(page.getByTestId('timer-remaining')).toContainText('paused')
  const paused = await readAll(pages)
  expect(spread(paused), `paused displays: ${paused.join(', ')}`).toBe(0)
  await fiona.page.waitForTimeout(1_200)
  expect(await readAll(pages)).toEqual(paused)

  // +1 minute and resume: everyone jumps together and counts on.
  await fiona.page.getByTestId('timer-add-minute').click()
  await fiona.page.getByTestId('timer-resume').click()
  for (const page of pages) {
    await expect.poll(() => readTimerSeconds(page)).toBeGreaterThan((paused[0] ?? 0) + 50)
  }
  const resumed = await readAll(pages)
  expect(spread(resumed), `resumed displays: ${resumed.join(', ')}`).toBeLessThanOrEqual(1)
  // Participants still have no controls.
  await expect(pia.page.getByTestId('timer-pause')).toHaveCount(0)
})
