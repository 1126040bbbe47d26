// Browser tests use Debian's Chromium (never a downloaded browser). On a fresh machine this
// installs it once with apt-get when we are root; otherwise it says what to run.
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (existsSync(chromium)) process.exit(0)

const canApt = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0
if (!canApt) {
  console.error(
    `Chromium not found at ${chromium}. Install Debian's chromium (sudo apt-get install -y chromium)`,
  )
  console.error('or point CHROMIUM_PATH at a Chromium binary, then run the tests again.')
  process.exit(1)
}
console.log(`Chromium not found at ${chromium}: installing Debian's chromium with apt-get…`)
for (const args of [['update'], ['install', '-y', 'chromium']]) {
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
