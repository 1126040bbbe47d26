import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { createCard, readAllCards, updateCard } from '../../shared/boardDoc.ts'
import { readCatchballLog, throwCard } from '../../shared/catchball.ts'
import { ballsByTeam, knownTeams, NO_TEAM } from '../../client/workshop/catchball/teamBalls.ts'

it('per team: the balls it holds and the balls it threw that others hold', () => {
  const doc = new Y.Doc()
  const thrown = createCard(doc, { kind: 'objective', title: 'Thrown', team: 'Team A' })
  const kept = createCard(doc, { kind: 'keyResult', title: 'Kept', team: 'team a' })
  const agreed = createCard(doc, { kind: 'objective', title: 'Agreed', team: 'Team B' })
  createCard(doc, { kind: 'initiative', title: 'Not in play', team: 'Team C' })
  const orphan = createCard(doc, { kind: 'objective', title: 'Orphan' })
  updateCard(doc, agreed, { status: 'agreed' })
  throwCard(doc, { cardId: thrown, to: 'Leadership', message: 'Please review' })

  const view = ballsByTeam(readAllCards(doc).cards, readCatchballLog(doc))
  const summary = view.map((team) => ({
    team: team.team,
    holding: team.holding.map((ball) => ball.card.id),
    waitingOn: team.waitingOn.map((ball) => ball.card.id),
  }))
  // Agreed cards and initiatives are not in play; "Team A" and "team a" are one team;
  // cards without a team come last.
  expect(summary).toEqual([
    { team: 'Leadership', holding: [thrown], waitingOn: [] },
    { team: 'Team A', holding: [kept], waitingOn: [thrown] },
    { team: NO_TEAM, holding: [orphan], waitingOn: [] },
  ])
  expect(view[0].holding[0]).toMatchObject({
    holder: 'Leadership',
    round: 1,
    lastThrownBy: 'Team A',
  })
})

it('the throw picker offers every team on the board once, Leadership included', () => {
  const doc = new Y.Doc()
  const id = createCard(doc, { kind: 'objective', title: 'x', team: 'Team A' })
  createCard(doc, { kind: 'objective', title: 'y', team: ' team a ' })
  createCard(doc, { kind: 'objective', title: 'z', team: 'Sales' })
  throwCard(doc, { cardId: id, to: 'Board of directors', message: 'Look' })
  expect(knownTeams(readAllCards(doc).cards, readCatchballLog(doc))).toEqual([
    'Board of directors',
    'Leadership',
    'Sales',
    'Team A',
  ])
})
