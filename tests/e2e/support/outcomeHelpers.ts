import { readFile } from 'node:fs/promises'
import type { Locator, Page } from '@playwright/test'
import { openPanelTab } from './boardFlows.ts'
import { withTestApi } from './testApi.ts'

/**
 * Helpers for the outcomes specs: the Outcomes tab, downloads read back from disk, and a
 * card marked agreed through the test API (the status control is the catchball feature's).
 */
export async function openOutcomes(page: Page): Promise<Locator> {
  await openPanelTab(page, 'Outcomes')
  return page.getByTestId('outcomes-panel')
}

export interface DownloadedFile {
  fileName: string
  bytes: Buffer
  text: string
}

/** Click a download button and read the file the browser saved. */
export async function downloadFrom(page: Page, testId: string): Promise<DownloadedFile> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(testId).click(),
  ])
  const failure = await download.failure()
  if (failure) throw new Error(`download from ${testId} failed: ${failure}`)
  const path = await download.path()
  const bytes = await readFile(path)
  return { fileName: download.suggestedFilename(), bytes, text: bytes.toString('utf8') }
}

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Set a card's status in this person's board document, as the status control would. */
export function setCardStatus(page: Page, cardId: string, status: string): Promise<void> {
  return withTestApi(
    page,
    (api, { id, value }) => {
      const card = api.doc.getMap<{ set(key: string, v: unknown): void }>('cards').get(id)
      if (!card) throw new Error(`no card ${id}`)
      api.doc.transact(() => {
        card.set('status', value)
        card.set('updatedAt', new Date().toISOString())
      })
    },
    { id: cardId, value: status },
  )
}

/** Which board this page has open, and as whom (through the test API). */
export function readSessionBoard(page: Page): Promise<{ boardId: string; role: string }> {
  return withTestApi(
    page,
    (api) => ({ boardId: api.session.boardId, role: api.session.role }),
    null,
  )
}

/** Create a board through the API (as the landing page would) and return its share links. */
export async function createBoardViaApi(
  appUrl: string,
  title: string,
  template: string,
): Promise<{
  boardId: string
  links: { facilitator: string; participant: string; viewer: string }
}> {
  const response = await fetch(`${appUrl}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, template }),
  })
  if (response.status !== 201) throw new Error(`creating a board answered ${response.status}`)
  const board = (await response.json()) as {
    id: string
    links: { facilitator: string; participant: string; viewer: string }
  }
  // The server makes links relative when PUBLIC_URL is empty (as in these tests).
  const absolute = (link: string) => new URL(link, appUrl).toString()
  return {
    boardId: board.id,
    links: {
      facilitator: absolute(board.links.facilitator),
      participant: absolute(board.links.participant),
      viewer: absolute(board.links.viewer),
    },
  }
}

/** The frames on this person's canvas, by id, with their names. */
export function readFrames(page: Page): Promise<{ id: string; name: string }[]> {
  return withTestApi(
    page,
    (api) =>
      api.editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === 'frame')
        .map((shape) => ({ id: shape.id, name: (shape.props as { name: string }).name }))
        .toSorted((a, b) => a.id.localeCompare(b.id)),
    null,
  )
}

/** A card's grade in this person's board document. */
export function readCardGrade(page: Page, cardId: string): Promise<unknown> {
  return withTestApi(
    page,
    (api, id) => api.doc.getMap<{ get(key: string): unknown }>('cards').get(id)?.get('grade'),
    cardId,
  )
}
