import { defineConfig, devices } from '@playwright/test'

/**
 * Browser tests: the real server (started once by tests/e2e/support/globalSetup.ts) serving
 * the test build of the client, driven by Debian's Chromium. Playwright never downloads a
 * browser here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 in CI, and no `playwright install`).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/support/globalSetup.ts',
  // Every simulated person is a Chromium context rendering tldraw: on a 2-core machine two
  // workers are the most that keep typing and syncing responsive.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // A spec opens two or three boards; each takes a few seconds to load tldraw and sync, and
  // several times that on a busy 2-core machine. Generous, because only a failure waits it out.
  timeout: 180_000,
  // The whole e2e run must leave room for the unit tests inside CI's 10-minute budget.
  globalTimeout: 7 * 60_000,
  expect: { timeout: 20_000 },
  outputDir: 'test-results',
  use: {
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    // Tracing every context slows board loading several-fold on 2 cores, so it is opt-in
    // (CATCHBALL_E2E_TRACE=1); failing tests always get each person's screenshot and console.
    trace: process.env.CATCHBALL_E2E_TRACE === '1' ? 'retain-on-failure' : 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          // No sandbox (CI runs as root); and nothing that phones home, so the
          // "no request leaves the origin" check sees only what the app itself asks for.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
})
