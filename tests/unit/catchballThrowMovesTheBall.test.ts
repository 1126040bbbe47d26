import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCard, getCards, readCard, setCardText, updateCard } from '../../shared/boardDoc.ts'
import {
  currentRound,
  readCatchballLog,
  statusForRound,
  throwCard,
} from '../../shared/catchball.ts'

const AT = '2026-03-01T10:00:00.000Z'

function boardWithObjective(team = 'Team A') {
  const doc = new Y.Doc()
  const cardId = createCard(doc, {
    kind: 'objective',
    title: 'Win the smiles of more customers',
    notes: 'Customers wait 3 days',
    team,
  })
  const card = () => readCard(cardId, getCards(doc).get(cardId)!)
  return { doc, cardId, card }
}

it('the first throw hands the ball over, proposes the card and logs the text as it was', () => {
  const { doc, cardId, card } = boardWithObjective()
  const result = throwCard(doc, {
    cardId,
    to: 'Leadership',
    message: 'Please review',
    by: 'Paul',
    at: AT,
  })

  expect(result.ok).toBe(true)
  expect(card().holder).toBe('Leadership')
  // Round 1 is odd: the ball goes out as a proposal.
  expect(card().status).toBe('proposed')
  expect(readCatchballLog(doc)).toEqual([
    {
      cardId,
      from: 'Team A',
      to: 'Leadership',
      round: 1,
      message: 'Please review',
      at: AT,
      titleAtThrow: 'Win the smiles of more customers',
      notesAtThrow: 'Customers wait 3 days',
      by: 'Paul',
    },
  ])
})

it('each later throw adds a round, alternates returned / proposed and logs the new text', () => {
  const { doc, cardId, card } = boardWithObjective()
  throwCard(doc, { cardId, to: 'Leadership', message: 'Proposal' })
  setCardText(doc, cardId, 'title', 'Win the smiles of loyal customers')
  throwCard(doc, { cardId, to: 'Team A', message: 'Narrow it' })

  expect(card().holder).toBe('Team A')
  expect(card().status).toBe('returned')
  expect(currentRound(readCatchballLog(doc), cardId)).toBe(2)
  const second = readCatchballLog(doc)[1]
  expect(second).toMatchObject({ from: 'Leadership', to: 'Team A', round: 2 })
  expect(second.titleAtThrow).toBe('Win the smiles of loyal customers')

  throwCard(doc, { cardId, to: 'Leadership', message: 'Revised' })
  expect(card().status).toBe('proposed')
  expect([1, 2, 3, 4].map(statusForRound)).toEqual(['proposed', 'returned', 'proposed', 'returned'])
})

it('holder, status and log entry arrive in one transaction (one update for peers)', () => {
  const { doc, cardId } = boardWithObjective()
  let updates = 0
  doc.on('update', () => updates++)
  throwCard(doc, { cardId, to: 'Leadership', message: 'Proposal' })
  // One update: a peer never sees a new holder without the log entry, or the reverse.
  expect(updates).toBe(1)
})

it('refuses a throw that is not allowed and writes nothing', () => {
  const { doc, cardId, card } = boardWithObjective()
  const before = Y.encodeStateAsUpdate(doc)
  const refused = [
    throwCard(doc, { cardId, to: '', message: 'No target' }),
    throwCard(doc, { cardId, to: 'Leadership', message: '   ' }),
    // The owning team holds the ball before the first throw: throwing to itself is no throw.
    throwCard(doc, { cardId, to: ' team a ', message: 'To myself' }),
    throwCard(doc, { cardId: 'missing', to: 'Leadership', message: 'Ghost' }),
  ]
  expect(refused.map((result) => result.ok)).toEqual([false, false, false, false])
  expect(Y.encodeStateAsUpdate(doc)).toEqual(before)

  updateCard(doc, cardId, { status: 'agreed' })
  const settled = throwCard(doc, { cardId, to: 'Leadership', message: 'Again' })
  expect(settled).toEqual({ ok: false, reason: expect.stringContaining('agreed') })
  expect(card().holder).toBe('')
  expect(readCatchballLog(doc)).toEqual([])
})

it('only objectives and key results are thrown', () => {
  const doc = new Y.Doc()
  const initiative = createCard(doc, { kind: 'initiative', title: 'Chatbot', team: 'Team A' })
  const keyResult = createCard(doc, { kind: 'keyResult', title: 'NPS 20 → 45', team: 'Team A' })
  expect(throwCard(doc, { cardId: initiative, to: 'Leadership', message: 'x' }).ok).toBe(false)
  expect(throwCard(doc, { cardId: keyResult, to: 'Leadership', message: 'x' }).ok).toBe(true)
})

it('a card without a team needs the throwing team named', () => {
  const { doc, cardId, card } = boardWithObjective('')
  expect(throwCard(doc, { cardId, to: 'Leadership', message: 'x' }).ok).toBe(false)
  const result = throwCard(doc, { cardId, to: 'Leadership', message: 'x', from: 'Team B' })
  expect(result.ok && result.entry.from).toBe('Team B')
  expect(card().holder).toBe('Leadership')
})
