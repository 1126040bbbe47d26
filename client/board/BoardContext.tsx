import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import type { Awareness } from 'y-protocols/awareness'

export type Role = 'facilitator' | 'participant' | 'viewer'

/** Who this browser is on this board (from the join response, kept in localStorage). */
export interface Session {
  boardId: string
  participantId: string
  name: string
  role: Role
  /** Personal token: `Authorization: Bearer` over HTTP, `?token=` on the WebSocket. */
  token: string
  color: string
}

/**
 * Everything a component on the board page needs: the two shared documents, presence,
 * and who we are. Provided by the board page once both documents are connected.
 */
export interface BoardContextValue {
  session: Session
  /** Board document (room `<boardId>`): cards, comments, catchball log, canvas. */
  doc: Y.Doc
  /** Control document (room `<boardId>/control`): only the facilitator writes it. */
  controlDoc: Y.Doc
  /** Awareness of the board room: cursors, names, selected / edited card, viewport. */
  awareness: Awareness
  /** True for viewers: every input is disabled and nothing writes to the documents. */
  readOnly: boolean
}

export const BoardContext = createContext<BoardContextValue | null>(null)

export function useBoard(): BoardContextValue {
  const value = useContext(BoardContext)
  if (!value) throw new Error('useBoard() outside a board page')
  return value
}
