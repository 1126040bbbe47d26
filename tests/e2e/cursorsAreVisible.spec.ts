import type { Page } from '@playwright/test'
import { fionaAndPaulOnABoard } from './support/boardFlows.ts'
import { canvas } from './support/cards.ts'
import { expect, test, type Person } from './support/fixtures.ts'
import { withTestApi } from './support/testApi.ts'

/**
 * The name tag tldraw draws next to a collaborator's cursor. tldraw renders cursors in a
 * layer beside its canvas element, inside the editor (role "application", named "tldraw").
 */
function cursorOf(page: Page, person: Person) {
  return page.getByRole('application', { name: 'tldraw' }).getByText(person.name, { exact: true })
}

/** Move the mouse over the canvas to a point relative to the canvas' top-left corner. */
async function moveMouseOverCanvas(page: Page, to: { x: number; y: number }): Promise<void> {
  const box = await canvas(page).boundingBox()
  if (!box) throw new Error('the canvas is not on screen')
  await page.mouse.move(box.x + to.x, box.y + to.y, { steps: 5 })
}

/** Where a person's own pointer is on the page, as their editor has it (page coordinates). */
function ownPointer(page: Page): Promise<{ x: number; y: number } | null> {
  return withTestApi(
    page,
    (api) => {
      const pointer = api.editor.store.get('pointer:pointer' as never) as
        { x: number; y: number } | undefined
      return pointer ? { x: Math.round(pointer.x), y: Math.round(pointer.y) } : null
    },
    undefined,
  )
}

/** Where this page last heard a collaborator's cursor (page coordinates), by their name. */
function heardCursor(page: Page, person: Person): Promise<{ x: number; y: number } | null> {
  return withTestApi(
    page,
    (api, name) => {
      const presence = api.editor.store
        .allRecords()
        .find((r) => r.typeName === 'instance_presence' && r.userName === name) as
        { cursor: { x: number; y: number } | null } | undefined
      const cursor = presence?.cursor
      return cursor ? { x: Math.round(cursor.x), y: Math.round(cursor.y) } : null
    },
    person.name,
  )
}

async function centreOf(page: Page, person: Person): Promise<{ x: number; y: number }> {
  const box = await cursorOf(page, person).boundingBox()
  if (!box) throw new Error(`${person.name}'s cursor is not on screen`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

test("moving the mouse shows a cursor with that person's name to the others", async ({
  newPerson,
}) => {
  const { fiona, paul } = await fionaAndPaulOnABoard(newPerson, 'Cursors')

  await moveMouseOverCanvas(paul.page, { x: 200, y: 200 })
  await expect(cursorOf(fiona.page, paul)).toBeVisible()
  // Measure from where Paul's mouse is now, not from an earlier state still on its way.
  const settled = await ownPointer(paul.page)
  await expect.poll(() => heardCursor(fiona.page, paul)).toEqual(settled)
  const before = await centreOf(fiona.page, paul)

  // Both look at the same page at the same zoom (1), so Fiona's view of Paul's cursor
  // moves by what Paul's mouse moved: 150 px right, 100 px down (±10 px of rounding).
  await moveMouseOverCanvas(paul.page, { x: 350, y: 300 })
  await expect
    .poll(async () => {
      const after = await centreOf(fiona.page, paul)
      return [Math.round((after.x - before.x) / 10), Math.round((after.y - before.y) / 10)]
    })
    .toEqual([15, 10])

  // And the other way round.
  await moveMouseOverCanvas(fiona.page, { x: 300, y: 250 })
  await expect(cursorOf(paul.page, fiona)).toBeVisible()
  // Nobody sees their own name tag: only collaborators' cursors are drawn.
  await expect(cursorOf(paul.page, paul)).toHaveCount(0)
})
