import { openPeopleList, waitForBoardReady } from './support/boardFlows.ts'
import { isBoardSocketOpen } from './support/boardState.ts'
import { expect, test } from './support/fixtures.ts'
import { fionaAndPaulWithPaulsNetworkSwitch } from './support/network.ts'

test('someone following a person whose network drops follows them again when it returns', async ({
  newPerson,
  appUrl,
}) => {
  const { fiona, paul, paulsNetwork } = await fionaAndPaulWithPaulsNetworkSwitch(
    newPerson,
    appUrl,
    'Follow through a drop',
  )
  const paulsRow = (await openPeopleList(fiona.page)).filter({ hasText: 'Paul Participant' })
  await paulsRow.getByRole('button', { name: 'Follow' }).click()
  const following = fiona.page.getByText('Following Paul Participant')
  await expect(following).toBeVisible()

  // Paul's network drops: he is gone for Fiona, and so is her following him.
  await paulsNetwork.goOffline()
  await expect.poll(() => isBoardSocketOpen(paul.page)).toBe(false)
  await expect(paulsRow).toHaveCount(0)
  await expect(following).toBeHidden()

  // It comes back: Fiona follows him again without doing anything.
  await paulsNetwork.goOnline()
  await waitForBoardReady(paul.page)
  await expect(following).toBeVisible()
  await expect(paulsRow.getByRole('button', { name: 'Stop following' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
})
