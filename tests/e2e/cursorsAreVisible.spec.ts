import type { Page } from '@playwright/test'
import { createBoardViaLanding, fionaAndPaulOnABoard, joinViaLink } from './support/boardFlows.ts'
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

/**
 * What this page last heard of a collaborator, by name: null until their presence arrives,
 * then their cursor (page coordinates), itself null while they point at nothing.
 */
function heardPresence(
  page: Page,
  person: Person,
): Promise<{ cursor: { x: number; y: number } | null } | null> {
  return withTestApi(
    page,
    (api, name) => {
      const presence = api.editor.store
        .allRecords()
        .find((r) => r.typeName === 'instance_presence' && r.userName === name) as
        { cursor: { x: number; y: number } | null } | undefined
      if (!presence) return null
      const cursor = presence.cursor
      return { cursor: cursor ? { x: Math.round(cursor.x), y: Math.round(cursor.y) } : null }
    },
    person.name,
  )
}

const heardCursor = async (page: Page, person: Person) =>
  (await heardPresence(page, person))?.cursor ?? null

/** Where this person's mouse is on the page, as their editor's input state has it. */
function pointerInput(page: Page): Promise<{ x: number; y: number }> {
  return withTestApi(
    page,
    (api) => {
      const point = api.editor.inputs.getCurrentPagePoint()
      return { x: Math.round(point.x), y: Math.round(point.y) }
    },
    undefined,
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
  const settled = await pointerInput(paul.page)
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

test('someone who joins sees where a person already on the board is pointing', async ({
  newPerson,
}) => {
  const fiona = await newPerson('Fiona Facilitator')
  const paul = await newPerson('Paul Participant')
  const board = await createBoardViaLanding(fiona, 'Cursor for a newcomer')

  // Fiona points somewhere while she is alone, then keeps still.
  await moveMouseOverCanvas(fiona.page, { x: 320, y: 240 })
  const pointing = await pointerInput(fiona.page)

  await joinViaLink(paul, board.links.participant)
  // Paul sees her cursor where her mouse is, without her having to move it again.
  await expect(cursorOf(paul.page, fiona)).toBeVisible()
  await expect.poll(() => heardCursor(paul.page, fiona)).toEqual(pointing)
})

test('someone who has not pointed at the canvas yet shows no cursor to the others', async ({
  newPerson,
}) => {
  const { fiona, paul } = await fionaAndPaulOnABoard(newPerson, 'No cursor yet')

  // Fiona's mouse has not been on the canvas (it last clicked "Open the board"). Once her
  // presence has reached Paul, it carries no cursor: no name tag at the page's origin.
  await expect.poll(() => heardPresence(paul.page, fiona)).toEqual({ cursor: null })
  await expect(cursorOf(paul.page, fiona)).toHaveCount(0)

  // Her first move over the canvas shows it.
  await moveMouseOverCanvas(fiona.page, { x: 260, y: 180 })
  await expect(cursorOf(paul.page, fiona)).toBeVisible()
  await expect.poll(() => heardCursor(paul.page, fiona)).toEqual(await pointerInput(fiona.page))
})
