import {
  createBoardViaLanding,
  joinViaLink,
  openPeopleList,
  shareLinkField,
} from './support/boardFlows.ts'
import { readRole } from './support/boardState.ts'
import { expect, test } from './support/fixtures.ts'

test('a facilitator creates a board, a participant joins from the link, each sees the other', async ({
  newPerson,
  appUrl,
}) => {
  const fiona = await newPerson('Fiona Ito')
  const paul = await newPerson('Paul Meyer')

  const { boardId, links } = await createBoardViaLanding(fiona, 'Q3 OKRs – Sales')

  // The links are what the facilitator sends by chat or mail, so each must open on its
  // own: absolute, on this server, pointing at this board, one distinct token per role.
  for (const link of [links.facilitator, links.participant, links.viewer]) {
    expect(link.startsWith(`${appUrl}/b/${boardId}#join=`), `share link ${link}`).toBe(true)
  }
  expect(new Set([links.facilitator, links.participant, links.viewer]).size).toBe(3)
  await expect(fiona.page.getByRole('heading', { name: 'Q3 OKRs – Sales' })).toBeVisible()

  // On the board, the Share button shows the same links again (for latecomers).
  await fiona.page.getByRole('button', { name: 'Share' }).click()
  const shareDialog = fiona.page.getByRole('dialog', { name: 'Invite people' })
  for (const role of ['facilitator', 'participant', 'viewer'] as const) {
    await expect(shareLinkField(shareDialog, role)).toHaveValue(links[role])
  }
  await shareDialog.getByRole('button', { name: 'Close' }).click()
  await expect(shareDialog).toBeHidden()

  await joinViaLink(paul, links.participant)

  // Paul lands on the same board, as a participant.
  expect(new URL(paul.page.url()).pathname).toBe(`/b/${boardId}`)
  await expect(paul.page.getByRole('heading', { name: 'Q3 OKRs – Sales' })).toBeVisible()
  expect(await readRole(paul.page)).toBe('participant')
  // The role token is a capability secret: once used it leaves the address bar.
  expect(paul.page.url()).not.toContain('#join=')

  // Each sees both people (2) in the participant list, with their role, and the count on
  // the People tab.
  await expect(fiona.page.getByRole('tab', { name: 'People (2)' })).toBeVisible()
  const fionaSees = await openPeopleList(fiona.page)
  await expect(fionaSees).toHaveCount(2)
  await expect(fionaSees.filter({ hasText: 'Paul Meyer' })).toContainText('Participant')
  await expect(fionaSees.filter({ hasText: 'Fiona Ito' })).toContainText('(you)')

  const paulSees = await openPeopleList(paul.page)
  await expect(paulSees).toHaveCount(2)
  await expect(paulSees.filter({ hasText: 'Fiona Ito' })).toContainText('Facilitator')
  await expect(paulSees.filter({ hasText: 'Paul Meyer' })).toContainText('(you)')
})
