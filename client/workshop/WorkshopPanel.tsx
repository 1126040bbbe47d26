import type { Editor } from 'tldraw'

/** Side-panel tab: voting rounds, fist of five, converge view, facilitation controls. */
export function WorkshopPanel(_props: { editor: Editor | null }) {
  return <p className="cb-muted">Workshop tools are coming.</p>
}
