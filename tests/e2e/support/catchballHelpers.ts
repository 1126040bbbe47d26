import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures.ts'

/**
 * Catchball as a person does it on a card: the "Throw" and "History" buttons of the card's
 * catchball strip, and the dialogs they open.
 */
export const cardBall = (page: Page, cardId: string) => page.getByTestId(`card-ball-${cardId}`)
export const throwButton = (page: Page, cardId: string) => page.getByTestId(`card-throw-${cardId}`)
export const historyButton = (page: Page, cardId: string) =>
  page.getByTestId(`card-history-${cardId}`)

/** Throw a card from its strip: receiver, message, submit; waits for the dialog to close. */
export async function throwCardTo(
  page: Page,
  cardId: string,
  to: string,
  message: string,
): Promise<void> {
  await throwButton(page, cardId).click()
  const dialog = page.getByTestId('throw-dialog')
  await dialog.getByTestId('throw-target').fill(to)
  await dialog.getByTestId('throw-message').fill(message)
  await dialog.getByTestId('throw-submit').click()
  await expect(dialog).toHaveCount(0)
}

/** Open a card's history dialog from its strip and return the dialog. */
export async function openHistory(page: Page, cardId: string): Promise<Locator> {
  await historyButton(page, cardId).click()
  const dialog = page.getByTestId('history-dialog')
  await expect(dialog).toBeVisible()
  return dialog
}

/** In an open history dialog: add a comment of `kind` to the card's current round. */
export async function addComment(
  dialog: Locator,
  kind: 'feedback' | 'question' | 'concern' | 'praise',
  text: string,
): Promise<void> {
  await dialog.getByTestId(`comment-kind-${kind}`).click()
  await dialog.getByTestId('comment-text').fill(text)
  await dialog.getByTestId('comment-add').click()
  await expect(dialog.getByTestId('comment-text')).toHaveValue('')
}

export async function closeDialog(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)
}

/** The CSS text-decoration line of an element: how an insertion or deletion is drawn. */
export function textDecorationLine(element: Locator): Promise<string> {
  return element.evaluate((node) => getComputedStyle(node).textDecorationLine)
}
