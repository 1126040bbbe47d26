import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCard, getCards, readCard, setCardText } from '../../shared/boardDoc.ts'
import {
  addCardComment,
  buildCardHistory,
  readCatchballLog,
  readComments,
  throwCard,
  wordDiff,
  type CatchballThrow,
} from '../../shared/catchball.ts'

it('word diff keeps, removes and adds whole words', () => {
  expect(
    wordDiff('Win the smiles of more customers', 'Win the smiles of loyal customers in Europe'),
  ).toEqual([
    { kind: 'same', text: 'Win the smiles of ' },
    { kind: 'delete', text: 'more' },
    { kind: 'insert', text: 'loyal' },
    // jsdiff gives the space between a kept and an added word to the kept run.
    { kind: 'same', text: ' customers ' },
    { kind: 'insert', text: 'in Europe' },
  ])
  expect(wordDiff('', '')).toEqual([])
  expect(wordDiff('Same', 'Same')).toEqual([{ kind: 'same', text: 'Same' }])
})

it('history lists every round with its comments and the diff against the previous round', () => {
  const doc = new Y.Doc()
  const cardId = createCard(doc, {
    kind: 'objective',
    title: 'Win the smiles of more customers',
    notes: 'Evidence: complaints',
    team: 'Team A',
  })
  addCardComment(doc, { cardId, author: 'Paul', text: 'Draft idea', kind: 'question' })
  throwCard(doc, { cardId, to: 'Leadership', message: 'Please review', by: 'Paul' })
  addCardComment(doc, { cardId, author: 'Fiona', text: 'Too broad', kind: 'concern' })
  setCardText(doc, cardId, 'title', 'Win the smiles of loyal customers')
  throwCard(doc, { cardId, to: 'Team A', message: 'Narrowed', by: 'Fiona' })
  addCardComment(doc, { cardId, author: 'Paul', text: 'Better', kind: 'praise' })
  setCardText(doc, cardId, 'notes', 'Evidence: complaints and churn')

  const card = readCard(cardId, getCards(doc).get(cardId)!)
  const history = buildCardHistory(card, readCatchballLog(doc), readComments(doc))

  expect(history.currentRound).toBe(2)
  expect(history.draftComments.map((c) => c.text)).toEqual(['Draft idea'])
  expect(
    history.rounds.map(({ round, from, to, message, by }) => ({ round, from, to, message, by })),
  ).toEqual([
    { round: 1, from: 'Team A', to: 'Leadership', message: 'Please review', by: 'Paul' },
    { round: 2, from: 'Leadership', to: 'Team A', message: 'Narrowed', by: 'Fiona' },
  ])
  expect(history.rounds.map((r) => r.comments.map((c) => c.text))).toEqual([
    ['Too broad'],
    ['Better'],
  ])

  // Round 1 has nothing before it; round 2 shows round 1's text at throw → round 2's.
  expect(history.rounds[0].changesSincePrevious).toBeNull()
  const second = history.rounds[1].changesSincePrevious!
  expect(second.changed).toBe(true)
  expect(second.title.filter((c) => c.kind !== 'same')).toEqual([
    { kind: 'delete', text: 'more' },
    { kind: 'insert', text: 'loyal' },
  ])
  expect(second.notes).toEqual([{ kind: 'same', text: 'Evidence: complaints' }])

  // The notes edited after the last throw show against round 2's text.
  const pending = history.changesSinceLastThrow!
  expect(pending.changed).toBe(true)
  expect(pending.title).toEqual([{ kind: 'same', text: 'Win the smiles of loyal customers' }])
  expect(pending.notes?.filter((c) => c.kind === 'insert')).toEqual([
    { kind: 'insert', text: 'and churn' },
  ])
})

it('a card never thrown has no rounds; old log entries without notes diff the title only', () => {
  const card = { id: 'card-1', title: 'New title', notes: 'Notes' }
  expect(buildCardHistory(card, [], [])).toEqual({
    rounds: [],
    draftComments: [],
    changesSinceLastThrow: null,
    currentRound: 0,
  })

  const old: CatchballThrow = {
    cardId: 'card-1',
    from: 'Team A',
    to: 'Leadership',
    round: 1,
    message: 'x',
    at: '2026-01-01T00:00:00.000Z',
    titleAtThrow: 'Old title',
  }
  const history = buildCardHistory(card, [old], [])
  expect(history.changesSinceLastThrow?.notes).toBeNull()
  expect(history.changesSinceLastThrow?.title).toEqual([
    { kind: 'delete', text: 'Old' },
    { kind: 'insert', text: 'New' },
    { kind: 'same', text: ' title' },
  ])
})
