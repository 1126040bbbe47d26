import { expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createCard } from '../../shared/boardDoc.ts'
import {
  addCardComment,
  commentsByRound,
  commentsOfCard,
  openFeedbackCount,
  readComments,
  setCommentResolved,
  throwCard,
} from '../../shared/catchball.ts'

function board() {
  const doc = new Y.Doc()
  const cardId = createCard(doc, { kind: 'objective', title: 'Grow', team: 'Team A' })
  const otherId = createCard(doc, { kind: 'objective', title: 'Other', team: 'Team B' })
  return { doc, cardId, otherId }
}

it('a comment is tied to the round the card is in when it is written', () => {
  const { doc, cardId } = board()
  addCardComment(doc, { cardId, author: 'Paul', text: 'Before any throw', kind: 'question' })
  throwCard(doc, { cardId, to: 'Leadership', message: 'Round 1' })
  // Written a moment apart, as people type: comments are ordered by time, and two in the
  // same millisecond have no order to keep.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.parse('2026-11-25T10:00:00.000Z'))
  addCardComment(doc, { cardId, author: 'Fiona', text: 'Which customers?', kind: 'question' })
  vi.setSystemTime(Date.parse('2026-11-25T10:00:01.000Z'))
  addCardComment(doc, { cardId, author: 'Fiona', text: 'Too broad', kind: 'concern' })
  vi.setSystemTime(Date.parse('2026-11-25T10:00:02.000Z'))
  throwCard(doc, { cardId, to: 'Team A', message: 'Round 2' })
  addCardComment(doc, { cardId, author: 'Paul', text: 'Thanks', kind: 'praise' })
  vi.useRealTimers()

  const grouped = commentsByRound(commentsOfCard(readComments(doc), cardId))
  expect([...grouped.keys()]).toEqual([0, 1, 2])
  expect(grouped.get(0)?.map((c) => c.text)).toEqual(['Before any throw'])
  expect(grouped.get(1)?.map((c) => [c.kind, c.author, c.text])).toEqual([
    ['question', 'Fiona', 'Which customers?'],
    ['concern', 'Fiona', 'Too broad'],
  ])
  expect(grouped.get(2)?.map((c) => c.text)).toEqual(['Thanks'])
})

it('empty comments are not added; comments stay on their own card', () => {
  const { doc, cardId, otherId } = board()
  expect(addCardComment(doc, { cardId, author: 'Paul', text: '   ', kind: 'feedback' })).toBeNull()
  addCardComment(doc, { cardId: otherId, author: 'Paul', text: 'Elsewhere', kind: 'feedback' })
  expect(commentsOfCard(readComments(doc), cardId)).toEqual([])
  expect(commentsOfCard(readComments(doc), otherId).map((c) => c.text)).toEqual(['Elsewhere'])
})

it('resolving and reopening changes the open count; praise is never open', () => {
  const { doc, cardId } = board()
  const concern = addCardComment(doc, { cardId, author: 'F', text: 'Risky', kind: 'concern' })!
  addCardComment(doc, { cardId, author: 'F', text: 'Why?', kind: 'question' })
  addCardComment(doc, { cardId, author: 'F', text: 'Nice', kind: 'praise' })
  // A concern and a question are open; praise asks for nothing.
  expect(openFeedbackCount(readComments(doc), cardId)).toBe(2)

  setCommentResolved(doc, concern, true)
  expect(openFeedbackCount(readComments(doc), cardId)).toBe(1)
  expect(readComments(doc).find((c) => c.id === concern)?.resolved).toBe(true)

  setCommentResolved(doc, concern, false)
  expect(openFeedbackCount(readComments(doc), cardId)).toBe(2)
})
