import { readFile } from 'node:fs/promises'
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildOutcome } from '../../shared/outcomes/buildOutcome.ts'
import { outcomeToMarkdown } from '../../shared/outcomes/toMarkdown.ts'
import type { PublishedRound } from '../../shared/votingSchemas.ts'
import { seedOkrs } from '../support/seedOkrs.ts'

const round = (over: Partial<PublishedRound>): PublishedRound => ({
  id: 'r1',
  kind: 'dots',
  status: 'revealed',
  title: 'Priorities',
  votesPerPerson: 5,
  maxPerCard: 3,
  sealed: true,
  anonymous: false,
  endsAt: null,
  cardIds: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  closedAt: '2026-11-25T10:05:00.000Z',
  revealedAt: '2026-11-25T10:05:00.000Z',
  voters: 3,
  tally: null,
  ballots: null,
  ...over,
})

it('renders the fixture board exactly as the reviewed Markdown file', async () => {
  const doc = new Y.Doc()
  seedOkrs(doc)
  const outcome = buildOutcome({
    doc,
    board: { id: 'fixture', title: 'Q1 OKRs | Support' },
    rounds: [
      round({ tally: { 'obj-company': 7, 'obj-support': 5 } }),
      round({
        id: 'r2',
        kind: 'fist',
        title: 'Can you live with it?',
        createdAt: '2026-11-25T11:00:00.000Z',
        tally: { 'obj-company': [0, 0, 0, 1, 1, 1], 'obj-support': [0, 1, 0, 2, 0, 0] },
      }),
    ],
    participants: [
      { name: 'Dana', role: 'facilitator' },
      { name: 'Ana', role: 'participant' },
    ],
    version: 1,
    createdAt: '2026-11-25T12:00:00.000Z',
    note: 'Agreed on day one.',
    finalizedBy: 'Dana',
  })
  const expected = await readFile(
    new URL('../fixtures/fixtureBoard.expected.md', import.meta.url),
    'utf8',
  )
  expect(outcomeToMarkdown(outcome)).toBe(expected)
})
