import { createBoardViaLanding, waitForBoardReady } from './support/boardFlows.ts'
import { expect, test } from './support/fixtures.ts'

/** The canvas's code: a chunk of its own, fetched while the board's sockets sync. */
const WORKSPACE_CHUNK = /\/assets\/BoardWorkspace-[^/]*\.js$/

test('a board whose canvas code fails to download says so and opens on Try again', async ({
  newPerson,
}) => {
  const fiona = await newPerson('Fiona Facilitator')
  const board = await createBoardViaLanding(fiona, 'Flaky network board')

  // Paul's connection drops the one download the canvas needs.
  const paul = await newPerson('Paul Participant')
  await paul.context.route(WORKSPACE_CHUNK, (route) => route.abort('connectionreset'))
  await paul.page.goto(board.links.participant)
  await paul.page.getByLabel('Your name').fill(paul.name)
  await paul.page.getByRole('button', { name: 'Join', exact: true }).click()

  // Not a blank page: what happened, and a way out.
  await expect(
    paul.page.getByRole('heading', { name: 'The board could not be opened' }),
  ).toBeVisible()
  const tryAgain = paul.page.getByRole('button', { name: 'Try again' })
  await expect(tryAgain).toBeVisible()

  await paul.context.unroute(WORKSPACE_CHUNK)
  await tryAgain.click()
  await waitForBoardReady(paul.page)
})
