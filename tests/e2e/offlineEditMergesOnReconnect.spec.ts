import { statusPill, waitForBoardReady } from './support/boardFlows.ts'
import { isBoardSocketOpen, readCardTitle } from './support/boardState.ts'
import { addCardWithTool, cardNotes, cardTitle, typeAtEnd, typeAtStart } from './support/cards.ts'
import { expect, test } from './support/fixtures.ts'
import { fionaAndPaulWithPaulsNetworkSwitch } from './support/network.ts'

test('an edit made offline reaches the others, merged with theirs, when the network returns', async ({
  newPerson,
  appUrl,
}) => {
  const { fiona, paul, paulsNetwork } = await fionaAndPaulWithPaulsNetworkSwitch(
    newPerson,
    appUrl,
    'Offline board',
  )

  const objectiveId = await addCardWithTool(fiona.page, 'objective', { x: 260, y: 200 })
  await typeAtEnd(cardTitle(fiona.page, objectiveId), 'Grow revenue')
  await expect(cardTitle(paul.page, objectiveId)).toHaveValue('Grow revenue')

  // Paul's network drops. The page tells him so, and his socket is really gone (otherwise
  // the edit below would simply be sent, and nothing offline would be tested).
  await paulsNetwork.goOffline()
  await expect(statusPill(paul.page)).toHaveText('Offline')
  await expect.poll(() => isBoardSocketOpen(paul.page)).toBe(false)

  // Both keep working on the same card: Paul appends to the title offline; meanwhile
  // Fiona puts a word in front of the same title and writes the notes.
  await typeAtEnd(cardTitle(paul.page, objectiveId), ' in Europe')
  await typeAtStart(cardTitle(fiona.page, objectiveId), 'Sustainably ')
  await typeAtEnd(cardNotes(fiona.page, objectiveId), 'Three new markets opened')
  await expect(cardTitle(paul.page, objectiveId)).toHaveValue('Grow revenue in Europe')
  await expect(cardTitle(fiona.page, objectiveId)).toHaveValue('Sustainably Grow revenue')
  // Paul's edit is held on his device: Fiona's document has not seen it.
  expect(await readCardTitle(fiona.page, objectiveId)).toBe('Sustainably Grow revenue')

  await paulsNetwork.goOnline()
  await waitForBoardReady(paul.page)

  // Character-level merge: both people's words are kept, on both sides.
  const merged = 'Sustainably Grow revenue in Europe'
  await expect(cardTitle(fiona.page, objectiveId)).toHaveValue(merged)
  await expect(cardTitle(paul.page, objectiveId)).toHaveValue(merged)
  await expect(cardNotes(paul.page, objectiveId)).toHaveValue('Three new markets opened')
  await expect(cardNotes(fiona.page, objectiveId)).toHaveValue('Three new markets opened')
})
