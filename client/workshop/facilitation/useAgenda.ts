import { useMemo } from 'react'
import type * as Y from 'yjs'
import type { AgendaPhase } from '../../../shared/templates.ts'
import { clampPhase } from './agendaEdits.ts'
import { useControlValue } from './useControlValue.ts'

function asAgenda(value: unknown): AgendaPhase[] {
  if (!Array.isArray(value)) return []
  return value.filter(
    (phase): phase is AgendaPhase =>
      !!phase &&
      typeof phase === 'object' &&
      typeof (phase as AgendaPhase).title === 'string' &&
      typeof (phase as AgendaPhase).id === 'string',
  )
}

/** The agenda and the current phase (index kept inside the agenda), live. */
export function useAgenda(controlDoc: Y.Doc): {
  agenda: AgendaPhase[]
  phase: number
  current: AgendaPhase | null
} {
  const storedAgenda = useControlValue(controlDoc, 'agenda')
  const storedPhase = useControlValue(controlDoc, 'phase')
  const agenda = useMemo(() => asAgenda(storedAgenda), [storedAgenda])
  const phase = clampPhase(typeof storedPhase === 'number' ? storedPhase : 0, agenda.length)
  return { agenda, phase, current: agenda[phase] ?? null }
}
