import type { TextChange, TextChanges } from '../../../shared/catchball.ts'

/** One text's word diff: insertions underlined in green, deletions struck through in red. */
export function WordDiff(props: { changes: readonly TextChange[]; empty?: string }) {
  if (props.changes.length === 0) {
    return <span className="cb-ball-muted">{props.empty ?? '(empty)'}</span>
  }
  return (
    <span className="cb-word-diff">
      {props.changes.map((change, index) => {
        if (change.kind === 'insert') {
          return (
            <ins key={index} className="cb-word-diff__insert" data-testid="diff-insert">
              {change.text}
            </ins>
          )
        }
        if (change.kind === 'delete') {
          return (
            <del key={index} className="cb-word-diff__delete" data-testid="diff-delete">
              {change.text}
            </del>
          )
        }
        return <span key={index}>{change.text}</span>
      })}
    </span>
  )
}

/** Title and notes diffs under labels; says so plainly when nothing changed. */
export function TextChangesView(props: { changes: TextChanges; testId: string }) {
  const { changes } = props
  return (
    <dl className="cb-ball-texts" data-testid={props.testId}>
      <dt>Title</dt>
      <dd data-testid={`${props.testId}-title`}>
        <WordDiff changes={changes.title} empty="(no title)" />
      </dd>
      {changes.notes && (
        <>
          <dt>Notes</dt>
          <dd data-testid={`${props.testId}-notes`}>
            <WordDiff changes={changes.notes} empty="(no notes)" />
          </dd>
        </>
      )}
      {!changes.changed && <dd className="cb-ball-muted">No change to title or notes.</dd>}
    </dl>
  )
}
