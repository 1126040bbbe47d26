import { useCallback, useSyncExternalStore } from 'react'
import { BoardRoute } from './board/BoardRoute.tsx'
import { ErrorScreen } from './board/ErrorScreen.tsx'
import { LandingPage } from './landing/LandingPage.tsx'

/**
 * Two pages, so no router library: `/` (create a board) and `/b/:id` (a board). Navigation
 * is history.pushState plus an event this component listens to, like popstate.
 */
const NAVIGATE_EVENT = 'catchball:navigate'
const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/

function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const readPath = () => window.location.pathname

export function navigate(path: string): void {
  window.history.pushState(null, '', path)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}

export function App() {
  const path = useSyncExternalStore(subscribeToLocation, readPath)
  const openBoard = useCallback((boardId: string) => navigate(`/b/${boardId}`), [])

  if (path === '/' || path === '/index.html') return <LandingPage onOpenBoard={openBoard} />
  const board = BOARD_PATH.exec(path)
  // key: a different board is a fresh page (new documents, new sockets).
  if (board) return <BoardRoute key={board[1]} boardId={board[1]} />
  return <ErrorScreen title="Page not found" message="There is nothing at this address." />
}
