/**
 * Where each user's new cards start in a deck, cached in memory.
 *
 * why: new cards are "cards of the deck without a studied state row, in deck order". A user who
 * has studied 45,000 cards of a deck would make SQLite probe 45,000 rows on every request to find
 * the next new one (~50 ms). The cursor remembers the lowest `ord` that may still be new, so the
 * query starts there. It is only a lower bound: ratings move it forward on the next request;
 * an undo that makes a card new again clears it; a deck reload or edit (which updates
 * Deck.updatedAt) invalidates it. Losing the cache (restart) only costs one slow request.
 * With REDIS_URL (several nodes) forgetting a user's cursors also reaches every other node
 * (redis/invalidation.ts): an undo through node A must not leave node B past the card it made new.
 */
import { invalidateEverywhere, onInvalidate } from '../redis/invalidation';

interface Cursor {
  ord: number;
  deckStamp: number;
}

const globalCursors = globalThis as unknown as { __reviewNewCursors?: Map<string, Cursor> };
const cursors = (globalCursors.__reviewNewCursors ??= new Map());
const MAX_ENTRIES = 50_000;

const key = (userId: string, deckId: string) => `${userId}\u0000${deckId}`;
const CACHE = 'new-card-cursors';
onInvalidate(CACHE, (userId) => (userId ? forgetLocal(userId) : cursors.clear()));

/** The cached lower bound of new-card ords, or -1 when unknown or stale. */
export function newCursor(userId: string, deckId: string, deckStamp: number): number {
  const c = cursors.get(key(userId, deckId));
  return c && c.deckStamp === deckStamp ? c.ord : -1;
}

export function setNewCursor(userId: string, deckId: string, deckStamp: number, ord: number): void {
  if (cursors.size >= MAX_ENTRIES) cursors.clear();
  cursors.set(key(userId, deckId), { ord, deckStamp });
}

/** Forgets a user's cursors (after an undo or anything else that can make a card new again). */
export function forgetNewCursors(userId: string): void {
  forgetLocal(userId);
  invalidateEverywhere(CACHE, userId);
}

function forgetLocal(userId: string): void {
  const prefix = `${userId}\u0000`;
  for (const k of cursors.keys()) if (k.startsWith(prefix)) cursors.delete(k);
}
