import type { Page } from '@playwright/test'
import type { CatchballTestApi } from '../../../client/testApi.ts'

/**
 * The one door to the board page's test API, `window.__catchball` (test build only; see
 * client/testApi.ts). Specs pass a function that runs in the page with the API as its first
 * argument, like `page.evaluate`:
 *
 *   await withTestApi(page, (api, id) => api.doc.getMap('cards').has(id), cardId)
 *
 * The handle is taken afresh on every call, so it stays valid across reloads.
 */
export async function withTestApi<Result, Arg>(
  page: Page,
  inPage: (api: CatchballTestApi, arg: Arg) => Result | Promise<Result>,
  arg: Arg,
): Promise<Result> {
  const handle = await page.evaluateHandle(() => {
    // The API's name is the client's contract (client/testApi.ts), underscores included.
    // oxlint-disable-next-line no-underscore-dangle
    const api = window.__catchball
    if (!api) throw new Error('window.__catchball is missing: is the board open in the test build?')
    return api
  })
  try {
    return (await handle.evaluate(inPage as never, arg as never)) as Result
  } finally {
    await handle.dispose()
  }
}

/** Whether the board page has mounted its editor (the API is exposed from tldraw's onMount). */
export function hasMountedEditor(page: Page): Promise<boolean> {
  // oxlint-disable-next-line no-underscore-dangle
  return page.evaluate(() => !!window.__catchball?.editor)
}
