import type { Page } from '@playwright/test'
import { createBoardViaLanding, joinViaLink, waitForBoardReady } from './support/boardFlows.ts'
import { readCardPosition, readCards } from './support/boardState.ts'
import {
  addCardWithTool,
  addKeyResultInOutline,
  cardNotes,
  cardTitle,
  outlineTitle,
  typeAtEnd,
} from './support/cards.ts'
import { expect, test } from './support/fixtures.ts'

/** The cards' content as the tests compare it, in a stable order. */
async function contentOf(page: Page) {
  return (await readCards(page))
    .map(({ id, kind, title, notes, parentId }) => ({ id, kind, title, notes, parentId }))
    .toSorted((a, b) => a.kind.localeCompare(b.kind))
}

test('reloading the page keeps every card, its words and its place', async ({ newPerson }) => {
  const fiona = await newPerson('Fiona Facilitator')
  const paul = await newPerson('Paul Participant')
  const { boardId, links } = await createBoardViaLanding(fiona, 'Reload board')
  await joinViaLink(paul, links.participant)

  const objectiveId = await addCardWithTool(fiona.page, 'objective', { x: 260, y: 200 })
  await typeAtEnd(cardTitle(fiona.page, objectiveId), 'Win the smiles of more customers')
  await typeAtEnd(cardNotes(fiona.page, objectiveId), 'Complaints doubled last quarter')
  const keyResultId = await addKeyResultInOutline(paul.page, objectiveId)
  await typeAtEnd(outlineTitle(paul.page, keyResultId), 'NPS from 20 to 45')

  const expected = [
    {
      id: keyResultId,
      kind: 'keyResult',
      title: 'NPS from 20 to 45',
      notes: '',
      parentId: objectiveId,
    },
    {
      id: objectiveId,
      kind: 'objective',
      title: 'Win the smiles of more customers',
      notes: 'Complaints doubled last quarter',
      parentId: null,
    },
  ]
  // Both hold everything before anyone reloads, so the reload is what is being tested.
  await expect.poll(() => contentOf(fiona.page)).toEqual(expected)
  await expect.poll(() => contentOf(paul.page)).toEqual(expected)
  // One layout for everyone: each card has one shape, at the same place for both.
  const layoutOf = async (page: Page) => ({
    objective: await readCardPosition(page, objectiveId),
    keyResult: await readCardPosition(page, keyResultId),
  })
  await expect.poll(async () => Object.values(await layoutOf(fiona.page))).not.toContain(null)
  const layout = await layoutOf(fiona.page)
  await expect.poll(() => layoutOf(paul.page)).toEqual(layout)

  for (const person of [fiona, paul]) {
    await person.page.reload()
    // A returning browser goes straight back in: no join form the second time.
    await waitForBoardReady(person.page)
    expect(new URL(person.page.url()).pathname).toBe(`/b/${boardId}`)
    await expect(cardTitle(person.page, objectiveId)).toHaveValue(
      'Win the smiles of more customers',
    )
    await expect(cardNotes(person.page, objectiveId)).toHaveValue('Complaints doubled last quarter')
    await expect.poll(() => contentOf(person.page)).toEqual(expected)
    // Layout is content too: the cards are where they were (and not placed twice).
    expect(await layoutOf(person.page)).toEqual(layout)
  }

  // A reload could be served from the browser's own IndexedDB; a newcomer's browser has
  // none, so what they see is what the server kept.
  const nina = await newPerson('Nina Newcomer')
  await joinViaLink(nina, links.participant)
  await expect.poll(() => contentOf(nina.page)).toEqual(expected)
  await expect(cardTitle(nina.page, objectiveId)).toHaveValue('Win the smiles of more customers')
})
