import type { Page } from '@playwright/test'
import { boardWithLastQuartersOkrs, CARDS } from './support/bigBoard.ts'
import { openOutline } from './support/boardFlows.ts'
import { readCardIds } from './support/boardState.ts'
import { expect, test } from './support/fixtures.ts'
import { withTestApi } from './support/testApi.ts'

const cardsWithDetail = (page: Page, detail: string) =>
  page.locator(`.okr-card[data-detail="${detail}"]`)

test('a 300-card board mounts the cards in view in full, summaries when zoomed out, and the outline as it scrolls', async ({
  newPerson,
}, testInfo) => {
  const fiona = await newPerson('Fiona Facilitator')
  const { page } = fiona
  await boardWithLastQuartersOkrs(fiona, testInfo)

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
  expect(first).toBeLessThan(CARDS)
  await outline.getByTestId('outline-more').scrollIntoViewIfNeeded()
  await expect.poll(() => outlineTitles.count()).toBeGreaterThan(first)
})

/**
 * Runs in the page before its scripts. Once the board exposes its editor with every card in
 * tldraw's store, it notes how many card shapes the first frame after that has in the page.
 * Then it pans to the card last in z-order, the last the board would show on its own, and
 * notes how many cards the page holds in the first frame that has that card.
 */
const watchTheOpening = (cards: number) => `
(() => {
  let api
  let polls = 0
  const cardsInPage = () =>
    document.querySelectorAll('.tl-shape[data-shape-type="okr-card"]').length
  const inPage = (id) => !!document.querySelector('.tl-shape[data-shape-id="' + id + '"]')
  const check = () => {
    if (!api || !api.editor || window.opening !== undefined) return
    const shapes = api.editor.getCurrentPageShapesSorted().filter((s) => s.type === 'okr-card')
    if (shapes.length < ${cards}) {
      if (++polls < 1500) setTimeout(check, 20)
      return
    }
    const last = shapes[shapes.length - 1]
    requestAnimationFrame(() => {
      const opening = { firstFrame: cardsInPage(), lastInFirstFrame: inPage(last.id), lastId: last.id }
      window.opening = opening
      api.editor.centerOnPoint(api.editor.getShapePageBounds(last).center)
      let frames = 0
      const waitForLast = () => {
        if (inPage(last.id)) opening.whenLastShowed = cardsInPage()
        else if (++frames < 600) requestAnimationFrame(waitForLast)
      }
      requestAnimationFrame(waitForLast)
    })
  }
  Object.defineProperty(window, '__catchball', {
    configurable: true,
    get: () => api,
    set(value) {
      api = value
      check()
    },
  })
})()
`

interface Opening {
  firstFrame: number
  lastInFirstFrame: boolean
  lastId: string
  /** Card shapes in the page in the first frame that had the card panned to. */
  whenLastShowed?: number
}

const cardShapesInPage = (page: Page) => page.locator('.tl-shape[data-shape-type="okr-card"]')

test('reopening a 300-card board draws the cards in view first, then every card, and shows a far card as soon as it is panned to', async ({
  newPerson,
}, testInfo) => {
  const fiona = await newPerson('Fiona Facilitator')
  const { page } = fiona
  await boardWithLastQuartersOkrs(fiona, testInfo)
  // Cards imported here get their shapes a moment later; reopen once they are saved.
  await expect
    .poll(() => withTestApi(page, (api) => api.doc.getArray('canvas').length, null))
    .toBeGreaterThan(CARDS)

  await page.addInitScript({ content: watchTheOpening(CARDS) })
  await page.reload()

  const opening = await page
    .waitForFunction(() => {
      const seen = (window as { opening?: Opening }).opening
      return seen?.whenLastShowed !== undefined ? seen : undefined
    })
    .then((handle) => handle.jsonValue() as Promise<Opening>)
  // The first frame has the cards in and around the view, not all 300.
  expect(opening.firstFrame).toBeLessThan(CARDS / 2)
  await expect(page.locator('[data-testid^="card-title-"]').first()).toBeVisible()
  // Panned to at once, the card the board would show last is there while the rest is still
  // coming: without the pan it would come only with the 300th card.
  expect(opening.lastInFirstFrame).toBe(false)
  expect(opening.whenLastShowed).toBeLessThan(CARDS)
  const lastCardId = opening.lastId.replace('shape:card-', '')
  await expect(page.getByTestId(`card-title-${lastCardId}`)).toBeVisible()

  // Then every card is on the page, and the board still holds all of them.
  await expect.poll(() => cardShapesInPage(page).count(), { timeout: 20_000 }).toBe(CARDS)
  expect(await readCardIds(page)).toHaveLength(CARDS)
})
