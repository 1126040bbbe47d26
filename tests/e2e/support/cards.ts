import type { Locator, Page } from '@playwright/test'
import { openOutline } from './boardFlows.ts'
import { idOfCardCreatedBy } from './boardState.ts'

/** Card kinds that have a toolbar tool (`data-testid="tool-<kind>"`). */
export type ToolKind = 'objective' | 'keyResult' | 'initiative'

/** tldraw's canvas element (tldraw gives it `data-testid="canvas"`). */
export function canvas(page: Page): Locator {
  return page.getByTestId('canvas')
}

/**
 * Pick a card tool in the toolbar and click the canvas at `at` (relative to the canvas'
 * top-left corner), as a person would. Returns the new card's id.
 */
export function addCardWithTool(
  page: Page,
  kind: ToolKind,
  at: { x: number; y: number },
): Promise<string> {
  return idOfCardCreatedBy(page, async () => {
    await page.getByTestId(`tool-${kind}`).click()
    await canvas(page).click({ position: at })
  })
}

/** "+ Objective" in the outline. Returns the new card's id. */
export async function addObjectiveInOutline(page: Page): Promise<string> {
  await openOutline(page)
  return idOfCardCreatedBy(page, () => page.getByTestId('outline-add-objective').click())
}

/** "+ KR" under an objective in the outline. Returns the new card's id. */
export async function addKeyResultInOutline(page: Page, objectiveId: string): Promise<string> {
  await openOutline(page)
  return idOfCardCreatedBy(page, () => page.getByTestId(`outline-add-kr-${objectiveId}`).click())
}

/** The title and notes fields of a card on the canvas, and its title in the outline. */
export const cardTitle = (page: Page, cardId: string) => page.getByTestId(`card-title-${cardId}`)
export const cardNotes = (page: Page, cardId: string) => page.getByTestId(`card-notes-${cardId}`)
export const outlineTitle = (page: Page, cardId: string) =>
  page.getByTestId(`outline-title-${cardId}`)

/** Click into a text field and type at its end, key by key, like a person. */
export async function typeAtEnd(field: Locator, text: string): Promise<void> {
  await field.click()
  await field.press('ControlOrMeta+End')
  await field.pressSequentially(text)
}

/** Click into a text field and type at its start. */
export async function typeAtStart(field: Locator, text: string): Promise<void> {
  await field.click()
  await field.press('ControlOrMeta+Home')
  await field.pressSequentially(text)
}
