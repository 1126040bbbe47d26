import type { Editor } from 'tldraw'

/** Placeholder until the facilitation UI lands: agenda phase and shared timer. */
export function AgendaAndTimer(_props: { editor: Editor | null }) {
  return null
}
