import { openPeopleList, waitForBoardReady } from './support/boardFlows.ts'
import { isBoardSocketOpen } from './support/boardState.ts'
import { expect, test } from './support/fixtures.ts'
import { fionaAndPaulWithPaulsNetworkSwitch } from './support/network.ts'

/**
 * Stock y-protocols clients renew their presence every 15 s, and that renewal alone would
 * bring someone back sooner or later. The point is that it happens when their network does,
 * so the wait is kept well under it.
 */
const BEFORE_THE_RENEWAL_MS = 10_000

test("someone whose network drops is back in the others' people list as soon as it returns, and followed again", async ({
  newPerson,
  appUrl,
}) => {
  const { fiona, paul, paulsNetwork } = await fionaAndPaulWithPaulsNetworkSwitch(
    newPerson,
    appUrl,
    'Back after a drop',
  )
  const paulsRow = (await openPeopleList(fiona.page)).filter({ hasText: 'Paul Participant' })
  await paulsRow.getByRole('button', { name: 'Follow' }).click()
  const following = fiona.page.getByText('Following Paul Participant')
  await expect(following).toBeVisible()

  // Paul's network drops: his socket is gone, and for Fiona so are he and her following him.
  await paulsNetwork.goOffline()
  await expect.poll(() => isBoardSocketOpen(paul.page)).toBe(false)
  await expect(paulsRow).toHaveCount(0)
  await expect(following).toBeHidden()

  // It comes back, and nobody does anything else (no move, no edit, no click): Paul is
  // listed again, and Fiona follows him again.
  await paulsNetwork.goOnline()
  await waitForBoardReady(paul.page)
  await expect(paulsRow).toHaveCount(1, { timeout: BEFORE_THE_RENEWAL_MS })
  await expect(following).toBeVisible()
  await expect(paulsRow.getByRole('button', { name: 'Stop following' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
})
