import { expect, type Page } from '@playwright/test'
import { withTestApi } from './testApi.ts'

/**
 * Reads of what a person's browser holds, through the test API. Tests act like users and
 * use these to look at state (and where the canvas would make a check brittle).
 */
export interface CardSnapshot {
  id: string
  kind: string
  title: string
  notes: string
  status: string
  parentId: string | null
}

/** Every card in this person's board document. */
export function readCards(page: Page): Promise<CardSnapshot[]> {
  return withTestApi(
    page,
    (api) => {
      const cards: CardSnapshot[] = []
      api.doc.getMap<{ get(key: string): unknown }>('cards').forEach((card, id) => {
        cards.push({
          id,
          kind: String(card.get('kind')),
          title: String(card.get('title') ?? ''),
          notes: String(card.get('notes') ?? ''),
          status: String(card.get('status')),
          parentId: (card.get('parentId') as string | null | undefined) ?? null,
        })
      })
      return cards
    },
    null,
  )
}

export async function readCardIds(page: Page): Promise<string[]> {
  return (await readCards(page)).map((card) => card.id).toSorted()
}

/** A card's title in this person's document, or null while the card has not arrived. */
export async function readCardTitle(page: Page, cardId: string): Promise<string | null> {
  const card = (await readCards(page)).find((candidate) => candidate.id === cardId)
  return card ? card.title : null
}

/** The board title as the document holds it (`meta.title`). */
export function readBoardTitle(page: Page): Promise<unknown> {
  return withTestApi(page, (api) => api.doc.getMap('meta').get('title'), null)
}

/** Where a card's shape sits on this person's canvas (`shape:card-<cardId>`), or null. */
export function readCardPosition(
  page: Page,
  cardId: string,
): Promise<{ x: number; y: number } | null> {
  return withTestApi(
    page,
    (api, id) => {
      const shape = api.editor.getShape(`shape:card-${id}` as never)
      return shape ? { x: Math.round(shape.x), y: Math.round(shape.y) } : null
    },
    cardId,
  )
}

export function readRole(page: Page): Promise<string> {
  return withTestApi(page, (api) => api.session.role, null)
}

/** Whether the board document's WebSocket is open right now. */
export function isBoardSocketOpen(page: Page): Promise<boolean> {
  return withTestApi(page, (api) => api.boardProvider.wsconnected, null)
}

/**
 * Runs `action` and returns the id of the one card it created in this person's document.
 * Card ids are random, so a test learns them this way rather than guessing.
 */
export async function idOfCardCreatedBy(page: Page, action: () => Promise<void>): Promise<string> {
  const before = new Set(await readCardIds(page))
  await action()
  let created: string[] = []
  await expect
    .poll(
      async () => {
        created = (await readCardIds(page)).filter((id) => !before.has(id))
        return created.length
      },
      {
        message: 'exactly one new card should appear in the board document',
        intervals: [100, 250],
      },
    )
    .toBe(1)
  return created[0]
}
