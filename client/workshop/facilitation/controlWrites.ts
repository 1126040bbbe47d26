import type * as Y from 'yjs'
import { getControlRoot, getLocks } from '../../../shared/controlDoc.ts'
import type { AgendaPhase } from '../../../shared/templates.ts'
import { clampPhase } from './agendaEdits.ts'
import type { PrivateWriting } from './privateWritingRules.ts'
import type { WorkshopTimer } from './timerLogic.ts'

/**
 * The facilitator's writes to the control document. Only the facilitator's UI calls these;
 * the server drops anyone else's control-document updates, so a participant calling them
 * would only change their own copy until the next sync.
 */
export interface FocusBounds {
  x: number
  y: number
  w: number
  h: number
  /** The participant id of the facilitator being followed. */
  by: string
  /** When it was written (ms, server clock); shows how fresh the view is. */
  at: number
  /** The page the facilitator looks at (our addition; older clients ignore it). */
  pageId?: string
}

export function setPhase(controlDoc: Y.Doc, phase: number, agendaLength: number): void {
  getControlRoot(controlDoc).set('phase', clampPhase(phase, agendaLength))
}

export function setAgenda(controlDoc: Y.Doc, agenda: AgendaPhase[], phase: number): void {
  const root = getControlRoot(controlDoc)
  controlDoc.transact(() => {
    root.set('agenda', agenda)
    root.set('phase', clampPhase(phase, agenda.length))
  })
}

export function setTimer(controlDoc: Y.Doc, timer: WorkshopTimer): void {
  getControlRoot(controlDoc).set('timer', timer)
}

export function setFocus(controlDoc: Y.Doc, focus: FocusBounds | null): void {
  getControlRoot(controlDoc).set('focus', focus)
}

export function setPrivateWriting(controlDoc: Y.Doc, value: PrivateWriting | null): void {
  getControlRoot(controlDoc).set('privateWriting', value)
}

export function lockShapes(controlDoc: Y.Doc, shapeIds: readonly string[]): void {
  const locks = getLocks(controlDoc)
  controlDoc.transact(() => {
    for (const id of shapeIds) locks.set(id, true)
  })
}

export function unlockShapes(controlDoc: Y.Doc, shapeIds: readonly string[]): void {
  const locks = getLocks(controlDoc)
  controlDoc.transact(() => {
    for (const id of shapeIds) locks.delete(id)
  })
}

export function unlockAll(controlDoc: Y.Doc): void {
  unlockShapes(controlDoc, [...getLocks(controlDoc).keys()])
}
