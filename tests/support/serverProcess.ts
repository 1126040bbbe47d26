import { spawn, type ChildProcess } from 'node:child_process'

export interface ServerProcess {
  child: ChildProcess
  url: string
  wsUrl: string
  /** kill -9: no flush, no goodbye. */
  kill9(): Promise<void>
  /** Everything the server printed so far (stdout and stderr). */
  output(): string
  /** SIGTERM and wait for exit; resolves with the exit code and the time it took. */
  terminate(): Promise<{ code: number | null; ms: number }>
}

/** Start `server/main.ts` as its own process (so it can be killed for real) on port 0. */
export function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      CLIENT_DIR: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL') // never leave a half-started server behind
      reject(new Error(`server did not start:\n${output}`))
    }, 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/[^\s]+)/.exec(output)
      if (!match) return
      clearTimeout(timer)
      const url = match[1].replace('localhost', '127.0.0.1')
      resolve({
        child,
        url,
        wsUrl: url.replace('http://', 'ws://'),
        output: () => output,
        kill9: async () => {
          child.kill('SIGKILL')
          await exited
        },
        terminate: async () => {
          const start = Date.now()
          child.kill('SIGTERM')
          const code = await exited
          return { code, ms: Date.now() - start }
        },
      })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)))
  })
}
