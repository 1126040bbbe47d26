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

test("someone whose network drops is back in the others' people list as soon as it returns", async ({
  newPerson,
  appUrl,
}) => {
  const { fiona, paul, paulsNetwork } = await fionaAndPaulWithPaulsNetworkSwitch(
    newPerson,
    appUrl,
    'Back after a drop',
  )
  const paulListed = (await openPeopleList(fiona.page)).filter({ hasText: 'Paul Participant' })
  await expect(paulListed).toHaveCount(1)

  // Paul's network drops: his socket is gone, and the server tells Fiona he left.
  await paulsNetwork.goOffline()
  await expect.poll(() => isBoardSocketOpen(paul.page)).toBe(false)
  await expect(paulListed).toHaveCount(0)

  // It comes back, and Paul does nothing else (no move, no edit): he is listed again.
  await paulsNetwork.goOnline()
  await waitForBoardReady(paul.page)
  await expect(paulListed).toHaveCount(1, { timeout: BEFORE_THE_RENEWAL_MS })
})
