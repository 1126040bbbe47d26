import type { Editor } from 'tldraw'

/** Side-panel tab: who holds which ball, per team. */
export function CatchballPanel(_props: { editor: Editor | null }) {
  return <p className="cb-muted">Catchball view is coming.</p>
}
