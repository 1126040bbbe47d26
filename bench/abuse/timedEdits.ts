import { createCard, getCardMap, updateCard } from '../../shared/boardDoc.ts'
import type { YClient } from '../../tests/support/yClient.ts'
import { delay, within } from '../support/scenario.ts'

/**
 * A room's pulse while something else goes on: one card's owner is edited on `writer` every
 * 50 ms, and each edit is timed until `reader` has it, until `done(times)`. The card is made
 * and seen first, outside the timing.
 */
export async function timeEdits(
  writer: YClient,
  reader: YClient,
  done: (times: number[]) => boolean,
) {
  const cardId = createCard(writer.doc, { kind: 'objective', title: 'Healthy room' })
  await within(
    10_000,
    until(reader, () => getCardMap(reader.doc, cardId) !== undefined),
    'card',
  )
  const times: number[] = []
  for (let tick = 1; !done(times); tick++) {
    const start = performance.now()
    updateCard(writer.doc, cardId, { owner: `tick ${tick}` })
    const arrived = () => getCardMap(reader.doc, cardId)?.get('owner') === `tick ${tick}`
    await within(30_000, until(reader, arrived), `edit ${tick}`)
    times.push(performance.now() - start)
    await delay(50)
  }
  return times
}

function until(client: YClient, check: () => boolean): Promise<void> {
  if (check()) return Promise.resolve()
  return new Promise((resolve) => {
    const onUpdate = () => {
      if (!check()) return
      client.doc.off('update', onUpdate)
      resolve()
    }
    client.doc.on('update', onUpdate)
  })
}
