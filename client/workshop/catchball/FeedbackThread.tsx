import { useState, type FormEvent } from 'react'
import type * as Y from 'yjs'
import type { Comment } from '../../../shared/cardSchema.ts'
import {
  addCardComment,
  commentKinds,
  setCommentResolved,
  type CommentKind,
} from '../../../shared/catchball.ts'
import { formatWhen } from './formatWhen.ts'

export const commentKindLabel: Record<CommentKind, string> = {
  feedback: 'Feedback',
  question: 'Question',
  concern: 'Concern',
  praise: 'Praise',
}

/** The comments of one round; people who may write can resolve and reopen them. */
export function FeedbackList(props: {
  doc: Y.Doc
  comments: readonly Comment[]
  readOnly: boolean
}) {
  const { doc, comments, readOnly } = props
  if (comments.length === 0) return null
  return (
    <ul className="cb-ball-feedback">
      {comments.map((comment) => (
        <li
          key={comment.id}
          className={`cb-ball-feedback__item cb-ball-feedback__item--${comment.kind}${comment.resolved ? ' cb-ball-feedback__item--resolved' : ''}`}
          data-testid={`comment-${comment.id}`}
          data-kind={comment.kind}
          data-resolved={comment.resolved}
        >
          <div className="cb-ball-feedback__meta">
            <span className={`cb-ball-feedback__kind cb-ball-feedback__kind--${comment.kind}`}>
              {commentKindLabel[comment.kind]}
            </span>
            <span>{comment.author || 'Someone'}</span>
            <span className="cb-ball-muted">{formatWhen(comment.createdAt)}</span>
            {comment.resolved && <span className="cb-ball-muted">· resolved</span>}
            {!readOnly && (
              <button
                type="button"
                className="cb-link-button cb-ball-feedback__resolve"
                data-testid={`comment-resolve-${comment.id}`}
                onClick={() => setCommentResolved(doc, comment.id, !comment.resolved)}
              >
                {comment.resolved ? 'Reopen' : 'Resolve'}
              </button>
            )}
          </div>
          <p className="cb-ball-feedback__text">{comment.text}</p>
        </li>
      ))}
    </ul>
  )
}

const TEXT_MAX = 5000

/** Add a comment to the card's current round. */
export function CommentForm(props: { doc: Y.Doc; cardId: string; author: string; round: number }) {
  const { doc, cardId, author, round } = props
  const [kind, setKind] = useState<CommentKind>('feedback')
  const [text, setText] = useState('')

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (addCardComment(doc, { cardId, author, text, kind })) setText('')
  }

  return (
    <form className="cb-ball-comment-form" onSubmit={onSubmit} aria-label="Add a comment">
      <div className="cb-ball-comment-form__kinds" role="radiogroup" aria-label="Kind of comment">
        {commentKinds.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={kind === option}
            className={`cb-ball-chip${kind === option ? ' cb-ball-chip--selected' : ''}`}
            data-testid={`comment-kind-${option}`}
            onClick={() => setKind(option)}
          >
            {commentKindLabel[option]}
          </button>
        ))}
      </div>
      <textarea
        className="cb-input"
        data-testid="comment-text"
        aria-label="Comment"
        placeholder={
          round === 0 ? 'A comment before the first throw' : `Your ${kind} for round ${round}`
        }
        rows={2}
        maxLength={TEXT_MAX}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <button
        type="submit"
        className="cb-button cb-button--small"
        data-testid="comment-add"
        disabled={!text.trim()}
      >
        Add {commentKindLabel[kind].toLowerCase()}
      </button>
    </form>
  )
}
