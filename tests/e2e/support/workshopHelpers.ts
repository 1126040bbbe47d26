import type { Locator, Page } from '@playwright/test'
import { openPanelTab } from './boardFlows.ts'
import { expect } from './fixtures.ts'
import { withTestApi } from './testApi.ts'

/**
 * The workshop as people use it: the Vote tab of the side panel (rounds, ballots, results)
 * and the shared timer in the header.
 */
export async function openVotePanel(page: Page): Promise<Locator> {
  await openPanelTab(page, 'Vote')
  const panel = page.getByTestId('workshop-panel')
  await expect(panel).toBeVisible()
  return panel
}

/** The newest round's card in the Vote panel (rounds are listed newest first). */
export function newestRound(panel: Locator): Locator {
  return panel.locator('article.cb-round').first()
}

/** The rounds as this person's control document holds them (what the server published). */
export function readPublishedRounds(
  page: Page,
): Promise<{ id: string; status: string; voters: number; tally: unknown; ballots: unknown }[]> {
  return withTestApi(
    page,
    (api) =>
      [...api.controlDoc.getMap('rounds').values()].map((value) => {
        const round = value as {
          id: string
          status: string
          voters: number
          tally: unknown
          ballots: unknown
        }
        return {
          id: round.id,
          status: round.status,
          voters: round.voters,
          tally: round.tally,
          ballots: round.ballots,
        }
      }),
    null,
  )
}

/** Click "+" on a card in the open round's ballot list `times` times, each confirmed. */
export async function addDots(round: Locator, cardId: string, times: number): Promise<void> {
  const mine = round.getByTestId(`vote-mine-${cardId}`)
  const start = Number(await mine.textContent())
  for (let i = 1; i <= times; i++) {
    await round.getByTestId(`vote-add-${cardId}`).click()
    await expect(mine).toHaveText(String(start + i))
  }
}

/** The seconds a timer display shows ("⏱ 04:58" → 298), or null when there is none. */
export async function readTimerSeconds(page: Page): Promise<number | null> {
  const text = await page
    .getByTestId('timer-remaining')
    .textContent({ timeout: 1_000 })
    .catch(() => null)
  const match = text ? /(?:(\d+):)?(\d+):(\d{2})/.exec(text) : null
  if (!match) return null
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3])
}

/**
 * Shift this person's clock (`Date.now`, which the app's timers read) by `offsetMs` before
 * the app loads, as a laptop with a wrong clock would be. Call before they open the board.
 */
export async function skewClock(page: Page, offsetMs: number): Promise<void> {
  await page.addInitScript((offset) => {
    const realNow = Date.now.bind(Date)
    Date.now = () => realNow() + offset
  }, offsetMs)
}
