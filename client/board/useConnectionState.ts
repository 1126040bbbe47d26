import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { BoardConnection } from './boardConnection.ts'

export type ConnectionStatus = 'connected' | 'syncing' | 'offline'

export interface FatalClose {
  code: number
  reason: string
}

export interface ConnectionState {
  status: ConnectionStatus
  /** Set when the server closed a socket with a final code (4400–4499): show an error page. */
  fatal: FatalClose | null
  /**
   * The board document can be shown: synced with the server, downloaded whole from it (a
   * first visit), or loaded from IndexedDB when the server cannot be reached. Latched: it
   * never goes back to false.
   */
  boardReady: boolean
}

/** How long to wait for the server before showing what IndexedDB holds. */
const LOCAL_FALLBACK_MS = 4000

function isFinalCloseCode(code: number | undefined): code is number {
  return code !== undefined && code >= 4400 && code < 4500
}

function providerStatus(provider: WebsocketProvider, online: boolean): ConnectionStatus {
  if (!online) return 'offline'
  if (provider.wsconnected) return provider.synced ? 'connected' : 'syncing'
  // Still on the first attempt: that is "syncing"; after a failed attempt or a drop it is
  // "offline" while the provider keeps retrying with backoff.
  return provider.wsUnsuccessfulReconnects > 0 ? 'offline' : 'syncing'
}

const SEVERITY: Record<ConnectionStatus, number> = { connected: 0, syncing: 1, offline: 2 }

function worst(a: ConnectionStatus, b: ConnectionStatus): ConnectionStatus {
  return SEVERITY[a] >= SEVERITY[b] ? a : b
}

export function useConnectionState(connection: BoardConnection | null): ConnectionState {
  const [state, setState] = useState<ConnectionState>({
    status: 'syncing',
    fatal: null,
    boardReady: false,
  })

  useEffect(() => {
    if (!connection) return
    const { boardProvider, controlProvider, boardLocal } = connection
    let fatal: FatalClose | null = null
    let boardReady = false
    let localFallbackDue = false
    let downloaded = false
    let live = true

    const update = () => {
      const online = navigator.onLine
      const status = worst(
        providerStatus(boardProvider, online),
        providerStatus(controlProvider, online),
      )
      const serverUnreachable = status === 'offline'
      boardReady =
        boardReady ||
        downloaded ||
        boardProvider.synced ||
        (boardLocal.synced && (serverUnreachable || localFallbackDue))
      setState((previous) =>
        previous.status === status && previous.fatal === fatal && previous.boardReady === boardReady
          ? previous
          : { status, fatal, boardReady },
      )
    }

    const onClose = (event: CloseEvent | null) => {
      if (!fatal && isFinalCloseCode(event?.code)) {
        fatal = { code: event.code, reason: event.reason }
      }
      update()
    }

    const providers = [boardProvider, controlProvider]
    for (const provider of providers) {
      provider.on('status', update)
      provider.on('sync', update)
      provider.on('connection-close', onClose)
      provider.on('connection-error', update)
    }
    boardLocal.on('synced', update)
    void connection.documentDownloaded.then((done) => {
      downloaded = done
      if (live && done) update()
    })
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    const fallbackTimer = window.setTimeout(() => {
      localFallbackDue = true
      update()
    }, LOCAL_FALLBACK_MS)
    update()

    return () => {
      live = false
      for (const provider of providers) {
        provider.off('status', update)
        provider.off('sync', update)
        provider.off('connection-close', onClose)
        provider.off('connection-error', update)
      }
      boardLocal.off('synced', update)
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
      window.clearTimeout(fallbackTimer)
    }
  }, [connection])

  return state
}
