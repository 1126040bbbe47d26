import { joinViaLink, openOutline } from './support/boardFlows.ts'
import { addKeyResultInOutline, addObjectiveInOutline } from './support/cards.ts'
import { expect, test } from './support/fixtures.ts'
import {
  createBoardViaApi,
  openOutcomes,
  readCardGrade,
  readFrames,
} from './support/outcomeHelpers.ts'

const PDCA_FRAMES = [
  { id: 'shape:pdca-adjust', name: 'Adjust' },
  { id: 'shape:pdca-check', name: 'Check' },
  { id: 'shape:pdca-do', name: 'Do' },
  { id: 'shape:pdca-plan', name: 'Plan' },
]

test('a PDCA board opened by two people at once gets its four frames once; grades show on cards', async ({
  newPerson,
  appUrl,
}) => {
  const fiona = await newPerson('Fiona Facilitator')
  const paul = await newPerson('Paul Participant')
  const { links } = await createBoardViaApi(appUrl, 'Q3 retro', 'pdca')

  // Both open the brand-new board at the same moment: both may lay out the template.
  await Promise.all([joinViaLink(fiona, links.facilitator), joinViaLink(paul, links.participant)])

  // Fixed ids: whoever wrote them, each canvas holds exactly the four areas, once.
  await expect.poll(() => readFrames(fiona.page)).toEqual(PDCA_FRAMES)
  await expect.poll(() => readFrames(paul.page)).toEqual(PDCA_FRAMES)

  // Check: a key result gets a grade on its card; its colour band follows the value.
  const objectiveId = await addObjectiveInOutline(paul.page)
  const keyResultId = await addKeyResultInOutline(paul.page, objectiveId)
  await paul.page.getByTestId(`outline-jump-${keyResultId}`).click()
  const paulGrade = paul.page.getByTestId(`grade-input-${keyResultId}`)
  await expect(paulGrade).toHaveAttribute('data-band', 'none')
  await paulGrade.fill('0.3')
  await expect(paulGrade).toHaveAttribute('data-band', 'low')
  await paulGrade.fill('0,8')
  await expect(paulGrade).toHaveAttribute('data-band', 'good')
  await expect.poll(() => readCardGrade(paul.page, keyResultId)).toBe(0.8)

  // Quality hints: the untitled objective has no owner yet; giving it one clears that hint.
  // Fiona goes to the card first: whoever laid out the frames zoomed to them, so her view
  // may be elsewhere, and a card out of view is not mounted.
  await openOutline(fiona.page)
  await fiona.page.getByTestId(`outline-jump-${objectiveId}`).click()
  const hints = fiona.page.getByTestId(`quality-hints-${objectiveId}`)
  await expect(hints).toHaveAttribute('title', /No owner yet/)
  await fiona.page.getByTestId(`card-owner-${objectiveId}`).fill('Ana')
  await expect(hints).toHaveCount(0)

  // Fiona sees it at a glance on her card, and in the panel's Check list.
  const fionaGrade = fiona.page.getByTestId(`grade-input-${keyResultId}`)
  await expect(fionaGrade).toHaveValue('0.8')
  await expect(fionaGrade).toHaveAttribute('data-band', 'good')
  const panel = await openOutcomes(fiona.page)
  await expect(panel.getByTestId(`panel-grade-input-${keyResultId}`)).toHaveValue('0.8')

  // A value that is not a grade (above 1.0) is never written.
  await paulGrade.fill('1.5')
  await expect(paulGrade).toHaveAttribute('aria-invalid', 'true')
  await paulGrade.blur()
  await expect(paulGrade).toHaveValue('0.8')
  expect(await readCardGrade(paul.page, keyResultId)).toBe(0.8)

  // Adjust: an action (countermeasure) is added under the key result from the panel.
  await panel.getByTestId(`pdca-add-action-${keyResultId}`).click()
  const action = panel.getByTestId(`pdca-kr-${keyResultId}`).getByRole('listitem')
  await expect(action).toContainText('Untitled action · no owner · no due date')
  await expect(paul.page.locator('[data-kind="action"]')).toHaveCount(1)
})
