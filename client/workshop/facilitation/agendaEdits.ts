import { randomId } from '../../../shared/ids.ts'
import type { AgendaPhase } from '../../../shared/templates.ts'

/**
 * Edits of the agenda as pure functions: each returns a new array (the control document
 * stores the agenda as one value, replaced whole by the facilitator's client).
 */
export function renamePhase(
  agenda: readonly AgendaPhase[],
  index: number,
  patch: Partial<Pick<AgendaPhase, 'title' | 'instructions'>>,
): AgendaPhase[] {
  return agenda.map((phase, i) => (i === index ? { ...phase, ...patch } : phase))
}

export function addPhaseAfter(agenda: readonly AgendaPhase[], index: number): AgendaPhase[] {
  const phase: AgendaPhase = { id: randomId(8), title: 'New phase', instructions: '' }
  const at = Math.min(Math.max(index + 1, 0), agenda.length)
  return [...agenda.slice(0, at), phase, ...agenda.slice(at)]
}

export function removePhase(agenda: readonly AgendaPhase[], index: number): AgendaPhase[] {
  // An agenda keeps at least one phase, so "the current phase" always exists.
  if (agenda.length <= 1) return [...agenda]
  return agenda.filter((_, i) => i !== index)
}

export function movePhase(
  agenda: readonly AgendaPhase[],
  index: number,
  by: -1 | 1,
): AgendaPhase[] {
  const target = index + by
  if (index < 0 || index >= agenda.length || target < 0 || target >= agenda.length) {
    return [...agenda]
  }
  const next = [...agenda]
  ;[next[index], next[target]] = [next[target], next[index]]
  return next
}

/** The current phase index kept inside the agenda after it shrank. */
export function clampPhase(phase: number, agendaLength: number): number {
  if (agendaLength <= 0) return 0
  return Math.min(Math.max(Math.trunc(phase), 0), agendaLength - 1)
}

/**
 * Which phase stays current after removing `removed`: the same phase when it is still
 * there (one earlier if it came after the removed one), otherwise its neighbour.
 */
export function phaseAfterRemoval(current: number, removed: number, newLength: number): number {
  return clampPhase(current > removed ? current - 1 : current, newLength)
}
