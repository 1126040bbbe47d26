import { execFile } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { cp, readFile, rm } from 'node:fs/promises'
import { join as joinPath } from 'node:path'
import { promisify } from 'node:util'
import type { ScenarioContext } from '../support/scenario.ts'
import { delay } from '../support/scenario.ts'

const ROOT = process.cwd()

/**
 * The test build of the client the browser scenarios load: dist-test/ if one exists
 * (copied, so a rebuild by someone else cannot change it mid-run), else `vite build --mode
 * test` into a temp dir. BENCH_BUILD_CLIENT=1 forces a fresh build.
 */
export async function clientBuild(ctx: ScenarioContext): Promise<{ dir: string; source: string }> {
  const existing = joinPath(ROOT, 'dist-test')
  const dir = await ctx.tempDir('client')
  if (process.env.BENCH_BUILD_CLIENT !== '1') {
    // The browser tests rebuild dist-test/ (emptying it first): retry a copy caught halfway.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!existsSync(joinPath(existing, 'index.html'))) break
      const builtAt = statSync(joinPath(existing, 'index.html')).mtime.toISOString()
      await rm(dir, { recursive: true, force: true })
      await cp(existing, dir, { recursive: true })
      if (await isCompleteBuild(dir)) return { dir, source: `dist-test/ (built ${builtAt})` }
      await delay(5_000)
    }
  }
  const vite = joinPath(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
  // execFile kills the build itself if it runs past its timeout.
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '--mode', 'test', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 240_000, killSignal: 'SIGKILL' },
  )
  return { dir, source: 'fresh vite build --mode test' }
}

/** Every asset index.html names is there (not a copy taken in the middle of a rebuild). */
async function isCompleteBuild(dir: string): Promise<boolean> {
  const html = await readFile(joinPath(dir, 'index.html'), 'utf8').catch(() => '')
  const assets = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1])
  return assets.length > 0 && assets.every((asset) => existsSync(joinPath(dir, asset)))
}
