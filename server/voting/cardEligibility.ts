import { getCards } from '../../shared/boardDoc.ts'
import type { RoomManager } from '../rooms/RoomManager.ts'
import type { RoundRecord } from '../storage/database.ts'

export type IsEligible = (cardId: string) => boolean

/**
 * Which card ids a ballot may name: the round's own list, or every card now on the board.
 *
 * A round's list never changes, so its set is built once per round. The board's cards do
 * change during a round (a card created a moment ago must be votable, a deleted one must not),
 * so they are read live from the board's room; while the room is in memory that is a map
 * lookup, with no acquire and unload scheduling per ballot. Only a board nobody has open is
 * loaded, and it then stays loaded for the unload delay, which covers the rest of a burst.
 */
export class CardEligibility {
  private readonly listed = new WeakMap<RoundRecord, ReadonlySet<string>>()

  constructor(private readonly rooms: RoomManager) {}

  async of(round: RoundRecord): Promise<IsEligible> {
    if (round.cardIds) {
      const allowed = this.listed.get(round) ?? new Set(round.cardIds)
      this.listed.set(round, allowed)
      return (cardId) => allowed.has(cardId)
    }
    // A loaded room is used as it is: acquire() would cancel and re-arm its unload timer.
    const room =
      this.rooms.loaded(round.boardId, 'board') ??
      (await this.rooms.acquire(round.boardId, 'board'))
    const cards = getCards(room.doc)
    this.rooms.scheduleUnloadIfEmpty(room)
    return (cardId) => cards.has(cardId)
  }
}
