import type { Editor } from 'tldraw'
import { AgendaAndTimer } from './facilitation/AgendaAndTimer.tsx'

/** The workshop strip in the board header: current phase, shared timer, facilitator controls. */
export function WorkshopBar(props: { editor: Editor | null }) {
  return <AgendaAndTimer editor={props.editor} />
}
