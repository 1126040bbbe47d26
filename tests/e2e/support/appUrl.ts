/**
 * The global setup starts one server per run and passes its URL to the test workers
 * through this environment variable (workers are forked after global setup).
 */
export const APP_URL_ENV = 'CATCHBALL_E2E_URL'

export function readAppUrl(): string {
  const url = process.env[APP_URL_ENV]
  if (!url) {
    throw new Error(
      `${APP_URL_ENV} is not set: run the browser tests with \`npx playwright test\` so ` +
        'tests/e2e/support/globalSetup.ts starts the server',
    )
  }
  return url
}
