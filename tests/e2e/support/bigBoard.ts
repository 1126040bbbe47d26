import { writeFile } from 'node:fs/promises'
import type { TestInfo } from '@playwright/test'
import { createBoardViaLanding, type CreatedBoard } from './boardFlows.ts'
import { readCardIds } from './boardState.ts'
import { expect, type Person } from './fixtures.ts'
import { openOutcomes } from './outcomeHelpers.ts'

const HEADER =
  'objective_id,objective,team,objective_owner,key_result_id,key_result,from,to,current,unit,confidence,key_result_owner,votes'
const OBJECTIVES = 150
export const CARDS = OBJECTIVES * 2

/** Last quarter's OKRs as a CSV: 150 objectives with one key result each, 300 cards. */
function bigCsv(): string {
  const rows = Array.from(
    { length: OBJECTIVES },
    (_, i) =>
      `o${i},Objective number ${i},Team ${i % 9},Ana,k${i},Result ${i},0,10,2,points,5,Bo,0`,
  )
  return `${HEADER}\r\n${rows.join('\r\n')}\r\n`
}

/** Fiona's new board, with last quarter's 300 cards imported from a CSV file. */
export async function boardWithLastQuartersOkrs(
  fiona: Person,
  testInfo: TestInfo,
): Promise<CreatedBoard> {
  const { page } = fiona
  const board = await createBoardViaLanding(fiona, 'Big board')
  const file = testInfo.outputPath('last-quarter.csv')
  await writeFile(file, bigCsv())
  const outcomes = await openOutcomes(page)
  await outcomes.getByTestId('import-file').setInputFiles(file)
  await expect(outcomes.getByTestId('import-result')).toHaveText(
    `Imported ${CARDS} cards from last-quarter.csv.`,
  )
  await expect.poll(async () => (await readCardIds(page)).length).toBe(CARDS)
  return board
}
