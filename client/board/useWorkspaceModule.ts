import { useEffect, useState } from 'react'

type WorkspaceModule = typeof import('./BoardWorkspace.tsx')

let loaded: WorkspaceModule | null = null
let loading: Promise<WorkspaceModule> | null = null

/**
 * The workspace (tldraw and everything drawn on the canvas, most of the app's code) is its
 * own chunk, fetched and compiled while the board's sockets connect and sync instead of
 * before they open: on a big board the two overlap rather than add up.
 */
export function loadWorkspace(): Promise<WorkspaceModule> {
  loading ??= import('./BoardWorkspace.tsx').then((module) => (loaded = module))
  return loading
}

/**
 * The workspace module once its chunk has loaded (null until then), or that it failed.
 *
 * Not React.lazy in a Suspense boundary: when the board's document was ready before the
 * chunk, the boundary showed its fallback, and React holds content back until 300 ms after
 * a fallback appeared (its fallback throttle). Opening a 1,000-card board, the page then
 * sat idle for ~200 ms with everything there. The page shows its own loading screen until
 * both are ready instead.
 */
export function useWorkspaceModule(): { module: WorkspaceModule | null; failed: boolean } {
  const [module, setModule] = useState(loaded)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (module) return
    let live = true
    loadWorkspace().then(
      (m) => live && setModule(m),
      () => live && setFailed(true),
    )
    return () => {
      live = false
    }
  }, [module])
  return { module, failed }
}
