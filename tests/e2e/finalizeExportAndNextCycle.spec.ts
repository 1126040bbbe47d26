import { createBoardViaLanding, waitForBoardReady } from './support/boardFlows.ts'
import { readCards, readCardTitle } from './support/boardState.ts'
import {
  addKeyResultInOutline,
  addObjectiveInOutline,
  outlineTitle,
  typeAtEnd,
} from './support/cards.ts'
import { expect, test } from './support/fixtures.ts'
import {
  downloadFrom,
  openOutcomes,
  PNG_SIGNATURE,
  readSessionBoard,
  setCardStatus,
} from './support/outcomeHelpers.ts'

const OBJECTIVE = 'Support that answers, today'
const KEY_RESULT = 'First reply under 4 hours'

test('the facilitator finalizes, downloads every export and starts the next cycle from it', async ({
  newPerson,
}) => {
  const fiona = await newPerson('Fiona Facilitator')
  const { page } = fiona
  const { boardId } = await createBoardViaLanding(fiona, 'Q2 OKRs – Support')

  // An objective with one key result, written in the outline; the objective is agreed.
  const objectiveId = await addObjectiveInOutline(page)
  await typeAtEnd(outlineTitle(page, objectiveId), OBJECTIVE)
  const keyResultId = await addKeyResultInOutline(page, objectiveId)
  await typeAtEnd(outlineTitle(page, keyResultId), KEY_RESULT)
  await expect.poll(() => readCardTitle(page, keyResultId)).toBe(KEY_RESULT)
  await setCardStatus(page, objectiveId, 'agreed')

  // Finalize: version 1 with the one agreed objective, and everyone's banner says so.
  const panel = await openOutcomes(page)
  await expect(panel.getByTestId('finalized-version')).toHaveText('Not finalized yet')
  await panel.getByTestId('finalize-note').fill('End of the workshop')
  await panel.getByTestId('finalize-button').click()
  const result = panel.getByTestId('finalize-result')
  await expect(result).toContainText('Version 1 saved with 1 objective')
  await expect(result).toContainText(/sha256:[0-9a-f]{64}/)
  await expect(panel.getByTestId('finalized-version')).toHaveText('Finalized: version 1')

  // The version is listed and shown read-only with the agreed OKRs.
  await panel.getByTestId('outcome-version-1').click()
  const view = panel.getByTestId('outcome-view-1')
  await expect(view).toContainText(OBJECTIVE)
  await expect(view).toContainText(`${KEY_RESULT} · 0 → 100 %`)

  // Markdown, CSV and JSON: files named by the server, holding the agreed titles.
  const markdown = await downloadFrom(page, 'download-md')
  expect(markdown.fileName).toBe('Q2-OKRs-Support-v1.md')
  expect(markdown.text).toContain(`## 1. ${OBJECTIVE}`)
  expect(markdown.text).toContain(`**${KEY_RESULT}**`)

  const csv = await downloadFrom(page, 'download-csv')
  expect(csv.fileName).toBe('Q2-OKRs-Support-v1.csv')
  // Header plus one row for the one key result; the title has a comma, so it is quoted.
  const csvLines = csv.text.trim().split('\r\n')
  expect(csvLines).toHaveLength(2)
  expect(csvLines[1]).toContain(`"${OBJECTIVE}"`)
  expect(csvLines[1]).toContain(KEY_RESULT)

  const json = await downloadFrom(page, 'download-json')
  expect(json.fileName).toBe('Q2-OKRs-Support-v1.json')
  const outcome = JSON.parse(json.text) as {
    version: number
    objectives: { title: string; keyResults: { title: string }[] }[]
  }
  expect(outcome.version).toBe(1)
  expect(outcome.objectives.map((o) => o.title)).toEqual([OBJECTIVE])
  expect(outcome.objectives[0].keyResults.map((kr) => kr.title)).toEqual([KEY_RESULT])

  // Images of the board, made in the browser by tldraw.
  const png = await downloadFrom(page, 'download-png')
  expect(png.fileName).toBe('Q2-OKRs-Support-board.png')
  expect(png.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true)
  // Two cards at 2× pixel ratio: far more than an empty image's few hundred bytes.
  expect(png.bytes.length).toBeGreaterThan(5_000)
  const svg = await downloadFrom(page, 'download-svg')
  expect(svg.fileName).toBe('Q2-OKRs-Support-board.svg')
  expect(svg.text).toContain('<svg')
  expect(svg.text).toContain('Support that')

  // Next cycle: a new board, joined as facilitator, seeded with the agreed OKRs as drafts.
  await panel.getByTestId('next-cycle').click()
  await page.waitForURL(
    (url) => /^\/b\/[A-Za-z0-9_-]+$/.test(url.pathname) && !url.pathname.endsWith(boardId),
  )
  await waitForBoardReady(page)
  const next = await readSessionBoard(page)
  expect(next.boardId).not.toBe(boardId)
  expect(next.role).toBe('facilitator')
  await expect(page.getByRole('heading', { name: 'Q2 OKRs – Support (next cycle)' })).toBeVisible()
  await expect
    .poll(async () =>
      (await readCards(page))
        .map(({ kind, title, status }) => ({ kind, title, status }))
        .toSorted((a, b) => a.kind.localeCompare(b.kind)),
    )
    .toEqual([
      { kind: 'keyResult', title: KEY_RESULT, status: 'draft' },
      { kind: 'objective', title: OBJECTIVE, status: 'draft' },
    ])
  // …and on the canvas: the seeded cards get their shapes (placed once by this client).
  await expect(page.getByTestId(`okr-card-${objectiveId}`)).toBeVisible()
  await expect(page.getByTestId(`okr-card-${keyResultId}`)).toBeVisible()
})
