import { createBoardViaLanding, joinViaLink } from './support/boardFlows.ts'
import { addObjectiveInOutline, outlineTitle, typeAtEnd } from './support/cards.ts'
import { expect, test } from './support/fixtures.ts'
import {
  addDots,
  newestRound,
  openVotePanel,
  readPublishedRounds,
} from './support/workshopHelpers.ts'

test('a sealed dot vote stays hidden from everyone until the facilitator reveals the ranking', async ({
  newPerson,
}) => {
  const fiona = await newPerson('Fiona Facilitator')
  const paul = await newPerson('Paul Participant')
  const pia = await newPerson('Pia Participant')
  const { links } = await createBoardViaLanding(fiona, 'Sealed vote')
  await joinViaLink(paul, links.participant)
  await joinViaLink(pia, links.participant)

  // Three candidate objectives, written by the facilitator in the outline.
  const titles = ['Alpha: faster onboarding', 'Beta: fewer defects', 'Gamma: new market']
  const ids: string[] = []
  for (const title of titles) {
    const id = await addObjectiveInOutline(fiona.page)
    await typeAtEnd(outlineTitle(fiona.page, id), title)
    ids.push(id)
  }
  const [alphaId, betaId, gammaId] = ids

  // Fiona opens a sealed, named round on the objectives: 5 dots each, at most 3 per card.
  const fionaPanel = await openVotePanel(fiona.page)
  await fionaPanel.getByTestId('round-new').click()
  await expect(fionaPanel.getByTestId('round-sealed')).toBeChecked()
  await expect(fionaPanel.getByTestId('round-eligible')).toHaveValue('objectives')
  await fionaPanel.getByTestId('round-votes-per-person').fill('5')
  await fionaPanel.getByTestId('round-max-per-card').fill('3')
  await fionaPanel.getByTestId('round-open-dots').click()
  const fionaRound = newestRound(fionaPanel)
  await expect(fionaRound.getByTestId('round-status')).toHaveText('Open')

  // Both participants see it with their full budget and vote in the panel.
  const paulRound = newestRound(await openVotePanel(paul.page))
  const piaRound = newestRound(await openVotePanel(pia.page))
  await expect(paulRound.getByTestId('dots-remaining')).toHaveText('5')
  await expect(piaRound.getByTestId('dots-remaining')).toHaveText('5')
  // Paul: Beta ×3, Gamma ×1. Pia: Beta ×1, Gamma ×2, Alpha ×1.
  await addDots(paulRound, betaId, 3)
  await addDots(paulRound, gammaId, 1)
  await addDots(piaRound, betaId, 1)
  await addDots(piaRound, gammaId, 2)
  await addDots(piaRound, alphaId, 1)
  await expect(paulRound.getByTestId('dots-remaining')).toHaveText('1')
  await expect(piaRound.getByTestId('dots-remaining')).toHaveText('1')
  // The cap per card (3) stops a fourth dot on Beta for Paul.
  await expect(paulRound.getByTestId(`vote-add-${betaId}`)).toBeDisabled()

  // The facilitator sees that two people voted, and nothing of what they voted.
  await expect(fionaRound.getByTestId('round-voters')).toHaveText('2 people have voted')
  for (const person of [fiona, paul, pia]) {
    const round = newestRound(person.page.getByTestId('workshop-panel'))
    await expect(round.getByTestId(/^tally-sealed-/)).toBeVisible()
    await expect(person.page.getByTestId(/^ranking-item-/)).toHaveCount(0)
    await expect(person.page.getByTestId(/^card-dots-/)).toHaveCount(0)
    // Not in their control document either: the server publishes no tally before reveal.
    const published = await readPublishedRounds(person.page)
    expect(published).toHaveLength(1)
    expect(published[0]).toMatchObject({ status: 'open', voters: 2, tally: null, ballots: null })
  }

  // Reveal: everyone sees the same ranking, Beta (4) > Gamma (3) > Alpha (1).
  await fionaRound.getByTestId('round-reveal').click()
  for (const person of [fiona, paul, pia]) {
    const round = newestRound(person.page.getByTestId('workshop-panel'))
    await expect(round.getByTestId('round-status')).toHaveText('Revealed')
    const items = round.getByTestId(/^ranking-item-/)
    await expect(items).toHaveCount(3)
    await expect(items.nth(0)).toHaveAttribute('data-testid', `ranking-item-${betaId}`)
    await expect(items.nth(1)).toHaveAttribute('data-testid', `ranking-item-${gammaId}`)
    await expect(items.nth(2)).toHaveAttribute('data-testid', `ranking-item-${alphaId}`)
    await expect(round.getByTestId(`ranking-dots-${betaId}`)).toHaveText('4')
    await expect(round.getByTestId(`ranking-dots-${gammaId}`)).toHaveText('3')
    await expect(round.getByTestId(`ranking-dots-${alphaId}`)).toHaveText('1')
    // A named round says who voted for what.
    await expect(round.getByTestId(`voters-${betaId}`)).toHaveText(
      'Paul Participant ×3, Pia Participant ×1',
    )
    // And the dots are on the cards on the canvas.
    await expect(person.page.getByTestId(`card-dots-${betaId}`)).toHaveText('4')
  }
  // Voting is over: no more buttons for the participants.
  await expect(paulRound.getByTestId(`vote-add-${alphaId}`)).toHaveCount(0)
})
