import { fionaAndPaulOnABoard, openOutline } from './support/boardFlows.ts'
import { readCardPosition, readCards } from './support/boardState.ts'
import {
  addCardWithTool,
  addKeyResultInOutline,
  cardTitle,
  outlineTitle,
  typeAtEnd,
} from './support/cards.ts'
import { expect, test } from './support/fixtures.ts'

test('an objective and a key result typed by one person appear with their text for the other', async ({
  newPerson,
}) => {
  const { fiona, paul } = await fionaAndPaulOnABoard(newPerson, 'Cards sync')

  // Paul places an objective with the toolbar tool and types its title on the card…
  const objectiveId = await addCardWithTool(paul.page, 'objective', { x: 260, y: 200 })
  await typeAtEnd(cardTitle(paul.page, objectiveId), 'Win the smiles of more customers')
  // …then adds a key result under it from the outline and types there.
  const keyResultId = await addKeyResultInOutline(paul.page, objectiveId)
  await typeAtEnd(outlineTitle(paul.page, keyResultId), 'NPS from 20 to 45')

  // Fiona sees both cards, with Paul's words, on her canvas and in her outline.
  await expect(cardTitle(fiona.page, objectiveId)).toHaveValue('Win the smiles of more customers')
  await expect(cardTitle(fiona.page, keyResultId)).toHaveValue('NPS from 20 to 45')
  await openOutline(fiona.page)
  await expect(outlineTitle(fiona.page, objectiveId)).toHaveValue(
    'Win the smiles of more customers',
  )
  await expect(outlineTitle(fiona.page, keyResultId)).toHaveValue('NPS from 20 to 45')

  // Her document agrees: two cards (no duplicate shapes or cards), the KR under the objective.
  await expect
    .poll(async () =>
      (await readCards(fiona.page))
        .map(({ id, kind, title, parentId }) => ({ id, kind, title, parentId }))
        .toSorted((a, b) => a.kind.localeCompare(b.kind)),
    )
    .toEqual([
      { id: keyResultId, kind: 'keyResult', title: 'NPS from 20 to 45', parentId: objectiveId },
      {
        id: objectiveId,
        kind: 'objective',
        title: 'Win the smiles of more customers',
        parentId: null,
      },
    ])
  expect(await readCardPosition(fiona.page, objectiveId)).not.toBeNull()
  expect(await readCardPosition(fiona.page, keyResultId)).not.toBeNull()

  // And it flows back: Fiona's typing on the objective card reaches Paul's card and outline.
  await typeAtEnd(cardTitle(fiona.page, objectiveId), ' in Europe')
  const revised = 'Win the smiles of more customers in Europe'
  await expect(cardTitle(paul.page, objectiveId)).toHaveValue(revised)
  await expect(outlineTitle(paul.page, objectiveId)).toHaveValue(revised)
})
