import type { Response } from '@playwright/test'
import { createBoardViaLanding } from './support/boardFlows.ts'
import { expect, test } from './support/fixtures.ts'

/** The canvas's code: the biggest download of a board (2 MB as built). */
const WORKSPACE_CHUNK = /\/assets\/BoardWorkspace-[^/]*\.js$/

test("a board's code reaches the browser brotli-compressed, and the board opens", async ({
  newPerson,
}) => {
  const fiona = await newPerson('Fiona Facilitator')
  const chunk = fiona.page.waitForResponse((response: Response) =>
    WORKSPACE_CHUNK.test(new URL(response.url()).pathname),
  )
  // Returns once the board is on screen: the compressed code ran.
  await createBoardViaLanding(fiona, 'Remote workshop board')

  const response = await chunk
  expect(response.status()).toBe(200)
  // Chromium accepts brotli; the build holds a .br copy of every text file (vite.config.ts).
  expect(response.headers()['content-encoding']).toBe('br')
  const { responseBodySize } = await response.request().sizes()
  const decoded = (await response.body()).length
  // Brotli takes the 2 MB chunk to about a quarter; a third leaves room for tldraw to change.
  expect(responseBodySize).toBeGreaterThan(0)
  expect(responseBodySize).toBeLessThan(decoded / 3)
})
