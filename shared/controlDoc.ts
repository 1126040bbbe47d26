import type * as Y from 'yjs'
import type { AgendaPhase } from './templates.ts'

/**
 * Accessors for the control document (room `<boardId>/control`): written only by the
 * facilitator's client and by the server; everyone else reads it.
 */
export interface TimerState {
  /** Server-clock epoch ms when the timer reaches zero, while running. */
  endsAt: number | null
  /** Remaining ms while paused (or the full duration before start). */
  remainingMs: number
  running: boolean
}

export const getControlRoot = (doc: Y.Doc) => doc.getMap<unknown>('control')
export const getRounds = (doc: Y.Doc) => doc.getMap<unknown>('rounds')
export const getLocks = (doc: Y.Doc) => doc.getMap<boolean>('locks')

export function readAgenda(doc: Y.Doc): AgendaPhase[] {
  return (getControlRoot(doc).get('agenda') as AgendaPhase[] | undefined) ?? []
}

export function readPhase(doc: Y.Doc): number {
  return (getControlRoot(doc).get('phase') as number | undefined) ?? 0
}

export function readTimer(doc: Y.Doc): TimerState {
  return (
    (getControlRoot(doc).get('timer') as TimerState | undefined) ?? {
      endsAt: null,
      remainingMs: 0,
      running: false,
    }
  )
}

export function readFinalizedVersion(doc: Y.Doc): number | null {
  return (getControlRoot(doc).get('finalizedVersion') as number | null | undefined) ?? null
}

/** Seed a new board's control document (server side, at board creation). */
export function initControlDoc(doc: Y.Doc, agenda: AgendaPhase[]): void {
  const root = getControlRoot(doc)
  doc.transact(() => {
    if (!root.has('agenda')) root.set('agenda', agenda)
    if (!root.has('phase')) root.set('phase', 0)
    if (!root.has('timer')) root.set('timer', { endsAt: null, remainingMs: 0, running: false })
    if (!root.has('finalizedVersion')) root.set('finalizedVersion', null)
    if (!root.has('focus')) root.set('focus', null)
  })
}
