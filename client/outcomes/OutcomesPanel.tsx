import type { Editor } from 'tldraw'

/** Side-panel tab: finalize, versions, exports, import, next cycle. */
export function OutcomesPanel(_props: { editor: Editor | null }) {
  return <p className="cb-muted">Outcomes are coming.</p>
}
