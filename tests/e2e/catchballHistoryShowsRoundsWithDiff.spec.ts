import { createBoardViaLanding, joinViaLink } from './support/boardFlows.ts'
import { addCardWithTool, cardTitle, typeAtEnd } from './support/cards.ts'
import {
  addComment,
  cardBall,
  closeDialog,
  openHistory,
  textDecorationLine,
  throwButton,
  throwCardTo,
} from './support/catchballHelpers.ts'
import { expect, test } from './support/fixtures.ts'

test('a card thrown to leadership and back shows both rounds, feedback and the diff to everyone', async ({
  newPerson,
}) => {
  const fiona = await newPerson('Fiona Facilitator')
  const paul = await newPerson('Paul Participant')
  const vera = await newPerson('Vera Viewer')
  const { links } = await createBoardViaLanding(fiona, 'Catchball rounds')
  await joinViaLink(paul, links.participant)
  await joinViaLink(vera, links.viewer)

  // Paul (team A) writes an objective on the canvas and throws it to leadership.
  const cardId = await addCardWithTool(paul.page, 'objective', { x: 260, y: 200 })
  await typeAtEnd(cardTitle(paul.page, cardId), 'Win the smiles of more customers')
  await paul.page.getByTestId(`card-team-${cardId}`).fill('Team A')
  await throwCardTo(paul.page, cardId, 'Leadership', 'Is this the right ambition for Q3?')
  await expect(cardBall(paul.page, cardId)).toHaveText(/Leadership · round 1/)

  // Fiona sees leadership holds the ball, raises a concern, edits the title, throws it back.
  await expect(cardBall(fiona.page, cardId)).toHaveText(/Leadership · round 1/)
  const fionaHistory = await openHistory(fiona.page, cardId)
  await addComment(fionaHistory, 'concern', 'Too broad for one quarter')
  await closeDialog(fionaHistory)
  await cardTitle(fiona.page, cardId).fill('Win the smiles of loyal customers in Europe')
  await throwCardTo(fiona.page, cardId, 'Team A', 'Narrowed to loyal customers in Europe')

  // Vera, a viewer, watches: the ball is back with team A in round 2; she cannot throw.
  await expect(cardBall(vera.page, cardId)).toHaveText(/Team A · round 2/)
  await expect(throwButton(vera.page, cardId)).toHaveCount(0)
  const history = await openHistory(vera.page, cardId)

  // Two rounds, each with who threw to whom and the message.
  const round1 = history.getByTestId('history-round-1')
  const round2 = history.getByTestId('history-round-2')
  await expect(history.getByTestId(/^history-round-\d+$/)).toHaveCount(2)
  await expect(round1.getByTestId('history-round-1-teams')).toHaveText('Team A → Leadership')
  await expect(round1.getByTestId('history-round-1-message')).toHaveText(
    'Is this the right ambition for Q3?',
  )
  await expect(round1).toContainText('Win the smiles of more customers')
  await expect(round1).toContainText('Too broad for one quarter')
  await expect(round2.getByTestId('history-round-2-teams')).toHaveText('Leadership → Team A')
  await expect(round2.getByTestId('history-round-2-message')).toHaveText(
    'Narrowed to loyal customers in Europe',
  )

  // Round 2's title against round 1's, word by word: "more" struck out, the new words
  // underlined; drawn as strikethrough and underline, not only coloured.
  const titleDiff = round2.getByTestId('history-diff-2-title')
  await expect(titleDiff.getByTestId('diff-delete')).toHaveText(['more'])
  await expect(titleDiff.getByTestId('diff-insert')).toHaveText(['loyal', 'in Europe'])
  expect(await textDecorationLine(titleDiff.getByTestId('diff-delete'))).toBe('line-through')
  expect(await textDecorationLine(titleDiff.getByTestId('diff-insert').first())).toBe('underline')

  // A viewer reads only: no comment form, no resolve buttons.
  await expect(history.getByTestId('comment-add')).toHaveCount(0)
  await expect(history.getByRole('button', { name: 'Resolve' })).toHaveCount(0)
})
