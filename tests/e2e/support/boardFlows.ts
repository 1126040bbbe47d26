import type { Locator, Page } from '@playwright/test'
import { expect, type Person } from './fixtures.ts'
import { hasMountedEditor } from './testApi.ts'

/** The three share links of a board, as the facilitator sees them after creating it. */
export interface ShareLinks {
  facilitator: string
  participant: string
  viewer: string
}

export interface CreatedBoard {
  boardId: string
  links: ShareLinks
}

/** A board loads tldraw, opens two sockets and syncs: allow for a slow CI machine. */
const BOARD_READY_TIMEOUT_MS = 60_000

/**
 * The facilitator's path through the landing page: title, Create board, read the share
 * links shown, give a name, open the board. Returns the board id and the links.
 */
export async function createBoardViaLanding(person: Person, title: string): Promise<CreatedBoard> {
  const { page } = person
  await page.goto('/')
  await page.getByLabel('Board title').fill(title)
  await page.getByRole('button', { name: 'Create board' }).click()

  const links = await readShareLinks(page)
  await page.getByLabel('Your name').fill(person.name)
  await page.getByRole('button', { name: 'Open the board' }).click()

  await page.waitForURL(/\/b\/[A-Za-z0-9_-]+$/)
  const boardId = new URL(page.url()).pathname.split('/').pop() ?? ''
  await waitForBoardReady(page)
  return { boardId, links }
}

/**
 * The opening most two-person specs share: Fiona Facilitator creates a board from the
 * landing page and Paul Participant joins it with the participant link, each in their own
 * browser context. `beforePaulJoins` prepares his context first (a network switch, say).
 */
export async function fionaAndPaulOnABoard(
  newPerson: (name: string) => Promise<Person>,
  title: string,
  beforePaulJoins?: (paul: Person) => Promise<void>,
): Promise<{ fiona: Person; paul: Person; board: CreatedBoard }> {
  const fiona = await newPerson('Fiona Facilitator')
  const paul = await newPerson('Paul Participant')
  await beforePaulJoins?.(paul)
  const board = await createBoardViaLanding(fiona, title)
  await joinViaLink(paul, board.links.participant)
  return { fiona, paul, board }
}

/** The share-link fields (a read-only text box per role, labelled with the role). */
export function shareLinkField(within: Page | Locator, role: keyof ShareLinks): Locator {
  const label = { facilitator: 'Facilitator', participant: 'Participant', viewer: 'Viewer' }[role]
  return within.getByRole('textbox', { name: new RegExp(`^${label}`) })
}

async function readShareLinks(page: Page): Promise<ShareLinks> {
  const read = async (role: keyof ShareLinks) => {
    const field = shareLinkField(page, role)
    await expect(field).toHaveValue(/#join=/)
    return field.inputValue()
  }
  return {
    facilitator: await read('facilitator'),
    participant: await read('participant'),
    viewer: await read('viewer'),
  }
}

/** Someone opens a share link they were sent, types their name and joins. */
export async function joinViaLink(person: Person, link: string): Promise<void> {
  const { page } = person
  await page.goto(link)
  await page.getByLabel('Your name').fill(person.name)
  await page.getByRole('button', { name: 'Join', exact: true }).click()
  await waitForBoardReady(page)
}

/** The connection status pill in the board's header. */
export function statusPill(page: Page): Locator {
  return page.getByRole('banner').getByRole('status')
}

/** Ready = the editor is mounted (test API present) and the header says Connected. */
export async function waitForBoardReady(page: Page): Promise<void> {
  await expect
    .poll(() => hasMountedEditor(page), {
      message: 'window.__catchball.editor should exist once the board has loaded',
      timeout: BOARD_READY_TIMEOUT_MS,
      // Poll often: the default back-off to 1 s would add up to a second to every page load.
      intervals: [100, 250],
    })
    .toBe(true)
  await expect(statusPill(page)).toHaveText('Connected', { timeout: BOARD_READY_TIMEOUT_MS })
}

/** Show the side panel (opening it if hidden), pick one of its tabs, return the panel. */
export async function openPanelTab(page: Page, tab: string | RegExp): Promise<Locator> {
  const panel = page.getByRole('complementary', { name: 'Board panel' })
  if (!(await panel.isVisible())) {
    await page.getByRole('button', { name: 'Outline & people' }).click()
  }
  await panel.getByRole('tab', { name: tab }).click()
  return panel
}

/** Open the People tab of the side panel and return the list of people on the board. */
export async function openPeopleList(page: Page): Promise<Locator> {
  await openPanelTab(page, /^People/)
  return page.getByRole('region', { name: 'People on this board' }).getByRole('listitem')
}

/** Open the Outline tab of the side panel. */
export async function openOutline(page: Page): Promise<Locator> {
  return (await openPanelTab(page, 'Outline')).getByRole('tabpanel')
}
