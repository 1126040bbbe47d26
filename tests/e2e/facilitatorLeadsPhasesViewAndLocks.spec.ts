import type { Page } from '@playwright/test'
import { fionaAndPaulOnABoard } from './support/boardFlows.ts'
import { addCardWithTool, canvas } from './support/cards.ts'
import { expect, test } from './support/fixtures.ts'
import { withTestApi } from './support/testApi.ts'
import { openVotePanel } from './support/workshopHelpers.ts'

/** The centre of what this person's canvas shows, in page coordinates. */
function viewportCentre(page: Page): Promise<{ x: number; y: number }> {
  return withTestApi(
    page,
    (api) => {
      const bounds = api.editor.getViewportPageBounds()
      return { x: Math.round(bounds.center.x), y: Math.round(bounds.center.y) }
    },
    null,
  )
}

test('the facilitator moves the phase, brings everyone to their view and locks a card', async ({
  newPerson,
}) => {
  const { fiona, paul } = await fionaAndPaulOnABoard(newPerson, 'Facilitation')

  // Phases: the catchball template starts at check-in; only Fiona can move on.
  await expect(paul.page.getByTestId('phase-title')).toHaveText('Check-in')
  await expect(paul.page.getByTestId('phase-next')).toHaveCount(0)
  await fiona.page.getByTestId('phase-next').click()
  await expect(paul.page.getByTestId('phase-title')).toHaveText('Customer ideal')
  await expect(paul.page.getByTestId('phase-instructions')).toHaveText(
    'Write what would make our customers smile.',
  )

  // Bring everyone here: Paul's camera follows Fiona's until she releases it.
  const panel = await openVotePanel(fiona.page)
  await expect(paul.page.getByTestId('bring-everyone')).toHaveCount(0)
  await panel.getByTestId('bring-everyone').click()
  await expect(paul.page.getByTestId('following-facilitator')).toBeVisible()
  await withTestApi(
    fiona.page,
    (api) => {
      api.editor.setCamera({ x: -2000, y: -1500, z: 1 })
    },
    null,
  )
  const fionaCentre = await viewportCentre(fiona.page)
  // Viewports differ in size, so the centres agree within a few page units, not exactly.
  await expect
    .poll(async () => {
      const centre = await viewportCentre(paul.page)
      return Math.hypot(centre.x - fionaCentre.x, centre.y - fionaCentre.y)
    })
    .toBeLessThan(40)
  await panel.getByTestId('bring-everyone').click()
  await expect(paul.page.getByTestId('following-facilitator')).toHaveCount(0)

  // Locks: Paul places a card; Fiona locks it; Paul can no longer drag it away.
  await withTestApi(
    paul.page,
    (api) => {
      api.editor.setCamera({ x: 0, y: 0, z: 1 })
    },
    null,
  )
  const cardId = await addCardWithTool(paul.page, 'objective', { x: 200, y: 200 })
  const shapeId = `shape:card-${cardId}`
  const positionOf = (page: Page) =>
    withTestApi(page, (api, id) => api.editor.getShape(id as never)?.x ?? null, shapeId)
  await withTestApi(
    fiona.page,
    (api, id) => {
      api.editor.select(id as never)
    },
    shapeId,
  )
  await panel.getByTestId('lock-selection').click()
  await expect(paul.page.getByTestId(`lock-badge-${shapeId}`)).toBeVisible()

  const startX = await positionOf(paul.page)
  const card = paul.page.getByTestId(`okr-card-${cardId}`)
  const box = await card.boundingBox()
  if (!box) throw new Error('the card is not on Paul’s screen')
  // Drag by the card's header strip (the fields stop pointer events themselves).
  await paul.page.mouse.move(box.x + box.width - 20, box.y + 10)
  await paul.page.mouse.down()
  await paul.page.mouse.move(box.x + box.width + 120, box.y + 110, { steps: 6 })
  await paul.page.mouse.up()
  await paul.page.keyboard.press('Delete')
  expect(await positionOf(paul.page)).toBe(startX)
  expect(await withTestApi(paul.page, (api) => api.editor.getSelectedShapeIds(), null)).toEqual([])
  await expect(card).toBeVisible()

  // Unlocked, the same drag moves it.
  await panel.getByTestId('unlock-all').click()
  await expect(paul.page.getByTestId(`lock-badge-${shapeId}`)).toHaveCount(0)
  await canvas(paul.page).click({ position: { x: 600, y: 500 } })
  await paul.page.mouse.move(box.x + box.width - 20, box.y + 10)
  await paul.page.mouse.down()
  await paul.page.mouse.move(box.x + box.width + 120, box.y + 110, { steps: 6 })
  await paul.page.mouse.up()
  await expect.poll(() => positionOf(paul.page)).not.toBe(startX)
})
