import { writeFile } from 'node:fs/promises'
import { createBoardViaLanding } from './support/boardFlows.ts'
import { readCards } from './support/boardState.ts'
import { expect, test } from './support/fixtures.ts'
import { openOutcomes } from './support/outcomeHelpers.ts'

const HEADER =
  'objective_id,objective,team,objective_owner,key_result_id,key_result,from,to,current,unit,confidence,key_result_owner,votes'

test('a malformed import lists each problem and imports nothing; a good one adds cards with shapes', async ({
  newPerson,
}, testInfo) => {
  const fiona = await newPerson('Fiona Facilitator')
  const { page } = fiona
  await createBoardViaLanding(fiona, 'Import board')
  const panel = await openOutcomes(page)

  // Row 2 has a bad id; row 3 has words where numbers belong and a confidence of 12.
  const bad = testInfo.outputPath('bad.csv')
  await writeFile(bad, `${HEADER}\r\nbad id!,Win,,,,,,,,,,,\r\no1,Win,,,k1,NPS,a,b,c,%,12,,0\r\n`)
  await panel.getByTestId('import-file').setInputFiles(bad)
  const errors = panel.getByTestId('import-errors')
  await expect(errors).toContainText('3 problem(s)')
  await expect(errors.getByRole('listitem')).toHaveText([
    'Row 2: objective_id must match ^[A-Za-z0-9_-]{1,64}$',
    'Row 3: from, to and current must be numbers',
    'Row 3: confidence must be a number from 0 to 10',
  ])
  // All or nothing: the board is still empty.
  expect(await readCards(page)).toEqual([])

  // The same file, fixed: one objective with two key results, three cards in all.
  const good = testInfo.outputPath('good.csv')
  await writeFile(
    good,
    `${HEADER}\r\no1,"Win the smiles, again",Support,Ana,k1,NPS,20,45,20,points,6,Bo,0\r\n` +
      `o1,"Win the smiles, again",Support,Ana,k2,Reply time,24,4,24,hours,5,Cy,0\r\n`,
  )
  await panel.getByTestId('import-file').setInputFiles(good)
  await expect(panel.getByTestId('import-result')).toHaveText('Imported 3 cards from good.csv.')
  await expect(panel.getByTestId('import-errors')).toHaveCount(0)
  await expect.poll(async () => (await readCards(page)).length).toBe(3)
  // Each imported card gets its shape on the canvas.
  for (const id of ['o1', 'k1', 'k2']) {
    await expect(page.getByTestId(`okr-card-${id}`)).toHaveCount(1)
  }
})
