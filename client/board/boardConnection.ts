import { IndexeddbPersistence } from 'y-indexeddb'
import { removeAwarenessStates, type Awareness } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { roomName } from '../../shared/rooms.ts'
import { applyServerUpdatesAsReceived } from './applyServerUpdatesAsReceived.ts'
import { connectAfterLocalCopy } from './connectAfterLocalCopy.ts'
import { downloadBoardDocument } from './downloadBoardDocument.ts'
import { ReceivedUpdateDoc } from './ReceivedUpdateDoc.ts'
import { sendOwnAwarenessOnly } from './sendOwnAwarenessOnly.ts'

/**
 * The two shared documents of a board page, each kept in IndexedDB (edits survive reloads
 * and offline periods) and synced over its own WebSocket with the personal token.
 */
export interface BoardConnection {
  doc: Y.Doc
  controlDoc: Y.Doc
  boardProvider: WebsocketProvider
  controlProvider: WebsocketProvider
  boardLocal: IndexeddbPersistence
  controlLocal: IndexeddbPersistence
  /** Awareness of the board room: cursors, names, who edits which card. */
  awareness: Awareness
  /**
   * True once the board document was downloaded whole over HTTP and applied (a first
   * visit; see downloadBoardDocument.ts): the board can be shown before its socket syncs.
   * False when it was not.
   */
  documentDownloaded: Promise<boolean>
  /**
   * Run `fn` first when the connection closes, while the documents can still be written
   * (React cleans up a parent's effects before its children's). Returns an unsubscribe.
   */
  onBeforeDestroy(fn: () => void): () => void
  destroy(): void
}

export function websocketBaseUrl(location: Location = window.location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${location.host}/yjs`
}

export function localDatabaseName(room: string): string {
  return `catchball-${room}`
}

/**
 * How long the sockets of a board this browser has held wait for its IndexedDB copy before
 * connecting anyway: a bound for a slow or failing IndexedDB (see connectAfterLocalCopy).
 */
const LOCAL_COPY_WAIT_MS = 1500

/**
 * How long a first visit waits for the board document over HTTP before connecting its
 * socket anyway (which then syncs the whole board itself).
 */
const DOWNLOAD_WAIT_MS = 5000

/** The origin of the document downloaded over HTTP (y-indexeddb stores it as any update). */
const DOWNLOADED = 'downloaded over HTTP'

/** `token` is the personal token from joining; the server checks it on every socket. */
export function openBoardConnection(boardId: string, token: string): BoardConnection {
  const boardRoom = roomName(boardId, 'board')
  const controlRoom = roomName(boardId, 'control')
  // Documents that hand y-indexeddb the server's bytes as they came, without Yjs encoding
  // them again: for a big board's first sync that is a quarter of applying it.
  const doc = new ReceivedUpdateDoc()
  const controlDoc = new ReceivedUpdateDoc()

  const boardLocal = new IndexeddbPersistence(localDatabaseName(boardRoom), doc)
  const controlLocal = new IndexeddbPersistence(localDatabaseName(controlRoom), controlDoc)

  const serverUrl = websocketBaseUrl()
  const options = {
    params: { token },
    // No BroadcastChannel between tabs: every tab talks to the server itself, so the server's
    // per-connection permission check (a viewer cannot write) is the only way in.
    disableBc: true,
    // Connected once the local copy has loaded: see connectAfterLocalCopy.
    connect: false,
  }
  const boardProvider = new WebsocketProvider(serverUrl, boardRoom, doc, options)
  const controlProvider = new WebsocketProvider(serverUrl, controlRoom, controlDoc, options)
  applyServerUpdatesAsReceived(boardProvider, doc)
  applyServerUpdatesAsReceived(controlProvider, controlDoc)
  const awareness = boardProvider.awareness
  const stopSendingOwnOnly = [boardProvider, controlProvider].map(sendOwnAwarenessOnly)
  let destroyed = false
  // Set before openBoardConnection returns when this is a first visit (connectAfterLocalCopy
  // calls downloadFirst at once then).
  let documentDownloaded = Promise.resolve(false)
  const downloadAndApply = async () => {
    const state = await downloadBoardDocument(boardId, token, DOWNLOAD_WAIT_MS)
    if (!state || destroyed) return false
    doc.applyReceived(state, DOWNLOADED)
    return true
  }
  const downloadFirst = () => (documentDownloaded = downloadAndApply())
  const cancelConnecting = [
    connectAfterLocalCopy(boardProvider, doc, boardLocal, LOCAL_COPY_WAIT_MS, downloadFirst),
    connectAfterLocalCopy(controlProvider, controlDoc, controlLocal, LOCAL_COPY_WAIT_MS),
  ]

  // Tell the others we left right away instead of letting our cursor linger until the
  // awareness timeout (30 s).
  const announceLeaving = () => removeAwarenessStates(awareness, [doc.clientID], 'leaving')
  window.addEventListener('pagehide', announceLeaving)
  const stopRenewingOnReconnect = renewPresenceOnReconnect(boardProvider)
  const beforeDestroy = new Set<() => void>()

  return {
    doc,
    controlDoc,
    boardProvider,
    controlProvider,
    boardLocal,
    controlLocal,
    awareness,
    documentDownloaded,
    onBeforeDestroy(fn) {
      beforeDestroy.add(fn)
      return () => beforeDestroy.delete(fn)
    },
    destroy() {
      destroyed = true
      // First: it puts the documents' listeners back, and what is written while closing
      // must reach IndexedDB.
      for (const cancel of cancelConnecting) cancel()
      for (const fn of beforeDestroy) fn()
      beforeDestroy.clear()
      window.removeEventListener('pagehide', announceLeaving)
      stopRenewingOnReconnect()
      announceLeaving()
      for (const stop of stopSendingOwnOnly) stop()
      boardProvider.destroy()
      controlProvider.destroy()
      awareness.destroy()
      void boardLocal.destroy()
      void controlLocal.destroy()
      doc.destroy()
      controlDoc.destroy()
    },
  }
}

/**
 * When a dropped connection comes back, the server has told everyone we left, at the clock
 * they last had from us, and the provider re-sends our presence unchanged, at that clock:
 * y-protocols' rule makes everyone ignore it, so we would be missing from their cursors and
 * people list until our next cursor move or the 15 s renewal. Renewing it gives it the next
 * clock, which everyone takes. The first connection needs nothing: our presence is new then.
 */
function renewPresenceOnReconnect(provider: WebsocketProvider): () => void {
  let connectedBefore = false
  const onStatus = ({ status }: { status: string }) => {
    if (status !== 'connected') return
    const state = provider.awareness.getLocalState()
    if (connectedBefore && state !== null) provider.awareness.setLocalState(state)
    connectedBefore = true
  }
  provider.on('status', onStatus)
  return () => provider.off('status', onStatus)
}
