/**
 * Gives a user a review history for the browser tests of fitted FSRS parameters: a simulated student
 * whose memory follows FSRS-6 with non-default parameters, rated through the real review service
 * into the server's own SQLite file (the server keeps running; WAL lets both write).
 * Usage: node --import tsx tests/e2e/helpers/seed-history.ts <email> <deck,deck> <reviews> <seed>
 */
import { simulateRevlog } from '../../../src/core/optimizer';

const TRUE_W = [0.6, 2.0, 4.5, 12.0, 6.8, 0.7, 1.8, 0.02, 1.9, 0.25, 1.1, 1.6, 0.08, 0.35, 1.8, 0.4, 2.5, 0.7, 0.4, 0.15, 0.35];
const [email, decks, reviews, seed] = process.argv.slice(2);
const { db } = await import('../../../src/server/db');
const { applyReview, subscribeDeck } = await import('../../../src/server/review');
const user = await db().user.findUniqueOrThrow({ where: { email } });
const cards: { id: string }[] = [];
for (const deckId of decks.split(',')) {
  await subscribeDeck(user.id, deckId);
  cards.push(...(await db().card.findMany({ where: { deckId, archived: false }, orderBy: { ord: 'asc' }, select: { id: true } })));
}
// why: the history ends before today, so the reviews sit in the past as a real student's would; and
// it starts at a UTC midnight, so the same seed gives the same study days, and the same fit, at any
// hour the test runs.
const DAY_MS = 86_400_000;
const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
const rows = simulateRevlog({
  w: TRUE_W,
  reviews: Number(reviews),
  seed: Number(seed),
  startMs: today - 300 * DAY_MS,
  reviewsPerCard: [6, 14],
  spreadDays: 30,
}).filter((r) => r.cardId <= cards.length && r.time < today);
for (const r of rows) {
  await applyReview({
    userId: user.id,
    cardId: cards[r.cardId - 1].id,
    rating: r.rating,
    clientId: crypto.randomUUID(),
    durationMs: r.durationMs,
    source: 'live',
    now: new Date(r.time),
  });
}
console.log(`seeded=${rows.length} cards=${new Set(rows.map((r) => r.cardId)).size}`);
process.exit(0);
