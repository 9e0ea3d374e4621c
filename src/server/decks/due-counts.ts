/**
 * Due counts on the deck list.
 *
 * >>> WIRING SPOT: the review engineer exports `dueCountsForUser(userId, deckIds?)` from
 * src/server/review. Until it exists this returns null and the deck list renders without due
 * counts. When it lands, import it here and map its result to `DueCounts` per deck id.
 */
export interface DueCounts {
  due: number;
  new: number;
}

export async function dueCountsByDeck(_userId: string, _deckIds: string[]): Promise<Map<string, DueCounts> | null> {
  return null;
}
