import type { Editor } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import type { Session } from './board/BoardContext.tsx'

/**
 * `window.__catchball`, for the browser tests only: they read state through it
 * (e.g. `__catchball.doc.getMap('cards').size`). Every use is behind
 * `import.meta.env.MODE === 'test'`, which Vite replaces by a constant, so production
 * builds drop this code and never expose the documents on `window`.
 */
export interface CatchballTestApi {
  editor: Editor
  doc: Y.Doc
  controlDoc: Y.Doc
  awareness: Awareness
  session: Session
  boardProvider: WebsocketProvider
  controlProvider: WebsocketProvider
}

declare global {
  interface Window {
    __catchball?: CatchballTestApi
  }
}

const GLOBAL_NAME = '__catchball'

export function exposeTestApi(api: CatchballTestApi): () => void {
  if (import.meta.env.MODE !== 'test') return () => {}
  window[GLOBAL_NAME] = api
  return () => {
    if (window[GLOBAL_NAME] === api) delete window[GLOBAL_NAME]
  }
}
