import { asBool, asDate, queries } from '../db';
import { requireStudyableDeck } from './access';
import { doneTodayCount, type DayContext } from './day';
import { subscribedDecksQuery } from './subscriptions';

/**
 * The user's subscribed decks (narrowed to `deckIds`) and today's done counts, in one statement.
 * A deck asked for by id that is not among them is checked: 404 when the user may not study it.
 */
export async function studyDecks(ctx: DayContext, deckIds?: readonly string[]) {
  const rows = await queries().all(
    subscribedDecksQuery(ctx.userId, deckIds).select([doneTodayCount(ctx, 0).as('newDone'), doneTodayCount(ctx, 2).as('reviewsDone')]),
  );
  if (rows.length === 0 && deckIds) for (const id of deckIds) await requireStudyableDeck(ctx.userId, id);
  const decks = rows.map((r) => ({ deckId: r.deckId, title: r.title, deckUpdatedAt: asDate(r.deckUpdatedAt)!, hasArchived: asBool(r.hasArchived) }));
  const done = { newDone: Number(rows[0]?.newDone ?? 0), reviewsDone: Number(rows[0]?.reviewsDone ?? 0) };
  return { decks, done };
}
