import { writeFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { createBoardViaLanding, openOutline } from './support/boardFlows.ts'
import { readCardIds } from './support/boardState.ts'
import { expect, test } from './support/fixtures.ts'
import { openOutcomes } from './support/outcomeHelpers.ts'
import { withTestApi } from './support/testApi.ts'

const HEADER =
  'objective_id,objective,team,objective_owner,key_result_id,key_result,from,to,current,unit,confidence,key_result_owner,votes'
const OBJECTIVES = 150

/** Last quarter's OKRs as a CSV: 150 objectives with one key result each, 300 cards. */
function bigCsv(): string {
  const rows = Array.from(
    { length: OBJECTIVES },
    (_, i) =>
      `o${i},Objective number ${i},Team ${i % 9},Ana,k${i},Result ${i},0,10,2,points,5,Bo,0`,
  )
  return `${HEADER}\r\n${rows.join('\r\n')}\r\n`
}

const cardsWithDetail = (page: Page, detail: string) =>
  page.locator(`.okr-card[data-detail="${detail}"]`)

test('a 300-card board mounts the cards in view in full, summaries when zoomed out, and the outline as it scrolls', async ({
  newPerson,
}, testInfo) => {
  const fiona = await newPerson('Fiona Facilitator')
  const { page } = fiona
  await createBoardViaLanding(fiona, 'Big board')
  const file = testInfo.outputPath('last-quarter.csv')
  await writeFile(file, bigCsv())
  const outcomes = await openOutcomes(page)
  await outcomes.getByTestId('import-file').setInputFiles(file)
  await expect(outcomes.getByTestId('import-result')).toHaveText(
    `Imported ${OBJECTIVES * 2} cards from last-quarter.csv.`,
  )
  await expect.poll(async () => (await readCardIds(page)).length).toBe(OBJECTIVES * 2)

  // At 100 % only the cards in view are full forms; the rest wait off screen, unmounted.
  await withTestApi(page, (api) => api.editor.resetZoom(), undefined)
  await expect.poll(() => cardsWithDetail(page, 'hidden').count()).toBeGreaterThan(250)
  const fullTitles = page.locator('[data-testid^="card-title-"]')
  await expect.poll(() => fullTitles.count()).toBeGreaterThan(0)
  expect(await fullTitles.count()).toBeLessThan(50)

  // Zoomed out over the board: the many cards on screen are readable summaries, no forms.
  await withTestApi(page, (api) => api.editor.zoomToFit({ animation: { duration: 0 } }), undefined)
  await expect.poll(() => cardsWithDetail(page, 'summary').count()).toBeGreaterThan(60)
  await expect(page.locator('.okr-card[data-detail="summary"]').first()).toContainText(
    /Objective number|Result/,
  )
  await expect(fullTitles).toHaveCount(0)

  // Zooming back in brings the fields back.
  await withTestApi(page, (api) => api.editor.resetZoom(), undefined)
  await expect.poll(() => fullTitles.count()).toBeGreaterThan(0)

  // The outline mounts a first page of cards and more as it is scrolled to the end.
  const outline = await openOutline(page)
  const outlineTitles = outline.locator('[data-testid^="outline-title-"]')
  await expect.poll(() => outlineTitles.count()).toBeGreaterThan(0)
  const first = await outlineTitles.count()
  expect(first).toBeLessThan(OBJECTIVES * 2)
  await outline.getByTestId('outline-more').scrollIntoViewIfNeeded()
  await expect.poll(() => outlineTitles.count()).toBeGreaterThan(first)
})
