import type { Page } from '@playwright/test'
import { fionaAndPaulOnABoard } from './support/boardFlows.ts'
import { expect, test } from './support/fixtures.ts'
import { withTestApi } from './support/testApi.ts'

/** tldraw's hatching images (one per zoom level and colour mode), once they are drawn. */
const hatchingImages = (page: Page) => page.locator('.tl-canvas pattern image')

test('a hatched shape shows its hatching for everyone, and a board without one never draws it', async ({
  newPerson,
}) => {
  const { fiona, paul } = await fionaAndPaulOnABoard(newPerson, 'Hatching board')

  // A board of cards has no hatched shape: the hatching (a third of a second of drawing
  // when tldraw opens a canvas) is not drawn at all.
  await expect(fiona.page.locator('.tl-canvas')).toBeVisible()
  await expect(hatchingImages(fiona.page)).toHaveCount(0)
  await expect(hatchingImages(paul.page)).toHaveCount(0)

  // Fiona adds a rectangle with tldraw's hatched ("pattern") fill; Paul gets it too.
  await withTestApi(
    fiona.page,
    (api) =>
      api.editor.createShape({
        type: 'geo',
        x: 200,
        y: 150,
        props: { w: 240, h: 160, fill: 'pattern' },
      }),
    undefined,
  )
  for (const page of [fiona.page, paul.page]) {
    await expect(page.getByTestId('ready-pattern-fill-defs')).toBeAttached()
    // The rectangle is painted with a pattern that exists on the page, drawn from an image.
    const hatched = page.locator('.tl-shape[data-shape-type="geo"] path[fill^="url(#"]').first()
    await expect(hatched).toBeAttached()
    const patternId = (await hatched.getAttribute('fill'))!.slice('url(#'.length, -1)
    await expect(page.locator(`pattern[id="${patternId}"] image`)).toHaveAttribute('href', /^blob:/)
  }

  // Opening the board afresh with the hatched shape on it draws the hatching at once.
  await paul.page.reload()
  await expect(paul.page.getByTestId('ready-pattern-fill-defs')).toBeAttached()
  await expect(hatchingImages(paul.page).first()).toHaveAttribute('href', /^blob:/)
})
