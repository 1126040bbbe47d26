import { createBoardViaLanding, joinViaLink, openOutline } from './support/boardFlows.ts'
import { isBoardSocketOpen, readBoardTitle, readCardIds, readCards } from './support/boardState.ts'
import {
  addCardWithTool,
  canvas,
  cardNotes,
  cardTitle,
  outlineTitle,
  typeAtEnd,
} from './support/cards.ts'
import { expect, test } from './support/fixtures.ts'
import { withTestApi } from './support/testApi.ts'

test('a viewer sees cards live but cannot change them, not even through the document', async ({
  newPerson,
}) => {
  const fiona = await newPerson('Fiona Facilitator')
  const vera = await newPerson('Vera Viewer')
  const { links } = await createBoardViaLanding(fiona, 'Viewer board')
  await joinViaLink(vera, links.viewer)
  await expect(vera.page.getByRole('banner')).toContainText('View only')

  // Live: Fiona writes an objective after Vera arrived; Vera sees every word.
  const objectiveId = await addCardWithTool(fiona.page, 'objective', { x: 260, y: 200 })
  await typeAtEnd(cardTitle(fiona.page, objectiveId), 'Win the smiles of more customers')
  await expect(cardTitle(vera.page, objectiveId)).toHaveValue('Win the smiles of more customers')
  await openOutline(vera.page)
  await expect(outlineTitle(vera.page, objectiveId)).toHaveValue('Win the smiles of more customers')

  // Nothing to edit with: fields disabled, no card tools, no "add" buttons.
  await expect(cardTitle(vera.page, objectiveId)).toBeDisabled()
  await expect(cardNotes(vera.page, objectiveId)).toBeDisabled()
  await expect(outlineTitle(vera.page, objectiveId)).toBeDisabled()
  for (const kind of ['objective', 'keyResult', 'initiative']) {
    await expect(vera.page.getByTestId(`tool-${kind}`)).toHaveCount(0)
  }
  await expect(vera.page.getByTestId('outline-add-objective')).toHaveCount(0)
  await expect(vera.page.getByTestId(`outline-add-kr-${objectiveId}`)).toHaveCount(0)

  // The objective tool's shortcut (Shift+O) does nothing for a viewer either: a click on
  // the canvas after it creates no card (a tool creates its card on pointer down).
  const idsBefore = await readCardIds(vera.page)
  await canvas(vera.page).click({ position: { x: 600, y: 450 } })
  await vera.page.keyboard.press('Shift+O')
  await canvas(vera.page).click({ position: { x: 600, y: 450 } })
  expect(await readCardIds(vera.page)).toEqual(idsBefore)

  // A tampered client writes straight into its document: the server must drop it all.
  const barrier = `after-sneaky-writes-${Date.now()}`
  await withTestApi(
    vera.page,
    (api, { cardId, marker }) => {
      const cards = api.doc.getMap<any>('cards')
      const card = cards.get(cardId)
      card.get('title').insert(0, 'HACKED ')
      card.set('status', 'agreed')
      api.doc.getMap('meta').set('title', 'Taken over')
      // A whole new card, built with the document's own constructors (no yjs import here).
      const MapType = card.constructor as new () => any
      const TextType = card.get('title').constructor as new (text: string) => unknown
      const sneaky = new MapType()
      sneaky.set('kind', 'objective')
      sneaky.set('title', new TextType('Sneaky objective'))
      cards.set('sneaky-card', sneaky)
      // Sent after the writes on the same socket: once Fiona sees this, the writes had
      // their chance to reach her (the server fans updates out at once, awareness per tick).
      api.awareness.setLocalStateField('e2eBarrier', marker)
    },
    { cardId: objectiveId, marker: barrier },
  )
  await expect
    .poll(() =>
      withTestApi(
        fiona.page,
        (api, marker) =>
          [...api.awareness.getStates().values()].some((state) => state.e2eBarrier === marker),
        barrier,
      ),
    )
    .toBe(true)

  // Fiona's board is untouched: one card, her title, her status, her board title.
  const fionaCards = await readCards(fiona.page)
  expect(fionaCards.map(({ id, title, status }) => ({ id, title, status }))).toEqual([
    { id: objectiveId, title: 'Win the smiles of more customers', status: 'draft' },
  ])
  expect(await readBoardTitle(fiona.page)).toBe('Viewer board')
  await expect(cardTitle(fiona.page, objectiveId)).toHaveValue('Win the smiles of more customers')
  await expect(fiona.page.getByRole('heading', { name: 'Viewer board' })).toBeVisible()

  // The viewer stays connected (the server drops writes, it does not hang up) and keeps
  // receiving: Fiona's next words reach Vera.
  expect(await isBoardSocketOpen(vera.page)).toBe(true)
  await typeAtEnd(cardNotes(fiona.page, objectiveId), 'Evidence from the floor')
  await expect(cardNotes(vera.page, objectiveId)).toHaveValue('Evidence from the floor')

  // Nor did the server store them: someone joining now gets the board as Fiona has it.
  const paula = await newPerson('Paula Latecomer')
  await joinViaLink(paula, links.participant)
  await expect(cardTitle(paula.page, objectiveId)).toHaveValue('Win the smiles of more customers')
  await expect(cardNotes(paula.page, objectiveId)).toHaveValue('Evidence from the floor')
  expect(await readCardIds(paula.page)).toEqual([objectiveId])
  expect(await readBoardTitle(paula.page)).toBe('Viewer board')
})
