import { expect, it } from 'vitest'
import { createCard, getCards, readCard, setCardText } from '../../shared/boardDoc.ts'
import {
  addCardComment,
  readCatchballLog,
  readComments,
  throwCard,
} from '../../shared/catchball.ts'
import { boardWithPeople } from '../support/boardFixture.ts'
import { serverPerTest } from '../support/serverPerTest.ts'
import { connectClient, eventually, waitForSync, type YClient } from '../support/yClient.ts'

const perTest = serverPerTest()

async function connect(boardId: string, ...tokens: string[]): Promise<YClient[]> {
  const connected = tokens.map((token) => connectClient(perTest.server.wsUrl, boardId, token))
  perTest.clients.push(...connected)
  await Promise.all(connected.map((client) => waitForSync(client)))
  return connected
}

const cardOf = (client: YClient, id: string) => readCard(id, getCards(client.doc).get(id)!)

it("a throw by one client reaches the other's log and card, and back again", async () => {
  const { board, facilitator, participants } = await boardWithPeople(perTest.server, 1)
  const [paul, fiona] = await connect(board.id, participants[0].token, facilitator.token)

  const id = createCard(paul.doc, { kind: 'objective', title: 'Win more smiles', team: 'Team A' })
  await eventually(() => getCards(fiona.doc).has(id), 5000, 'card to reach fiona')

  expect(
    throwCard(paul.doc, { cardId: id, to: 'Leadership', message: 'Review?', by: 'Paul' }).ok,
  ).toBe(true)
  await eventually(() => readCatchballLog(fiona.doc).length === 1, 5000, 'throw to reach fiona')
  expect(readCatchballLog(fiona.doc)[0]).toMatchObject({
    cardId: id,
    from: 'Team A',
    to: 'Leadership',
    round: 1,
    message: 'Review?',
    titleAtThrow: 'Win more smiles',
    by: 'Paul',
  })
  expect(cardOf(fiona, id)).toMatchObject({ holder: 'Leadership', status: 'proposed' })

  // Fiona comments on round 1, edits the title and throws it back.
  addCardComment(fiona.doc, {
    cardId: id,
    author: 'Fiona',
    text: 'Which smiles?',
    kind: 'question',
  })
  setCardText(fiona.doc, id, 'title', 'Win more customer smiles')
  throwCard(fiona.doc, { cardId: id, to: 'Team A', message: 'Be specific', by: 'Fiona' })

  await eventually(() => readCatchballLog(paul.doc).length === 2, 5000, 'throw back to reach paul')
  expect(readCatchballLog(paul.doc)[1]).toMatchObject({
    round: 2,
    from: 'Leadership',
    to: 'Team A',
    titleAtThrow: 'Win more customer smiles',
  })
  expect(cardOf(paul, id)).toMatchObject({ holder: 'Team A', status: 'returned' })
  expect(readComments(paul.doc).map(({ round, text }) => ({ round, text }))).toEqual([
    { round: 1, text: 'Which smiles?' },
  ])
})

it("a viewer's throw stays in the viewer's own document: the server drops it", async () => {
  const { board, facilitator, viewer } = await boardWithPeople(perTest.server, 0)
  const [fiona, vera] = await connect(board.id, facilitator.token, viewer.token)
  const id = createCard(fiona.doc, { kind: 'objective', title: 'Grow', team: 'Team A' })
  await eventually(() => getCards(vera.doc).has(id), 5000, 'card to reach the viewer')

  // A tampered client calls throwCard directly; its document changes locally only.
  throwCard(vera.doc, { cardId: id, to: 'Leadership', message: 'Sneaky' })
  // Sent after the throw on the same socket; the server fans updates out at once and
  // awareness per tick, so once Fiona sees this marker the throw had its chance to arrive.
  vera.provider.awareness.setLocalStateField('barrier', 'after-throw')
  await eventually(
    () =>
      [...fiona.provider.awareness.getStates().values()].some(
        (state) => state.barrier === 'after-throw',
      ),
    5000,
    "the viewer's barrier to reach fiona",
  )

  expect(readCatchballLog(fiona.doc)).toEqual([])
  expect(readCard(id, getCards(fiona.doc).get(id)!).holder).toBe('')
})
