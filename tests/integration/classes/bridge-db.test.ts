/** recordQuizAnswer against a real database: transaction, idempotency, study days, subscription, version. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
let userId: string;
let cardId: string;
let otherCardId: string;
beforeAll(async () => {
  h = await startHarness();
  userId = (await h.signUp('learner@example.com', 'Lea', 'student')).id;
  const prisma = await h.db();
  await prisma.userSettings.create({ data: { userId, timeZone: 'America/New_York', dayRolloverHour: 4 } });
  const cards = await prisma.card.findMany({ where: { deckId: 'sns', archived: false }, orderBy: { ord: 'asc' }, take: 2 });
  cardId = cards[0]!.id;
  otherCardId = cards[1]!.id;
});
afterAll(async () => h?.close());

// 2026-01-05T14:00Z = 09:00 in New York.
const MORNING = new Date('2026-01-05T14:00:00Z');

describe('recordQuizAnswer', () => {
  it('writes CardState and a ReviewLog with the source, subscribes the deck, and applies a retry once', async () => {
    const { recordQuizAnswer } = await import('@/server/bridge');
    const prisma = await h.db();
    const input = { userId, cardId, correct: false, source: 'live' as const, sourceRef: 'game-1', now: MORNING };
    const first = await recordQuizAnswer(prisma, input);
    expect(first).toMatchObject({ applied: true, rating: 1, studyDay: '2026-01-05' });
    expect(await recordQuizAnswer(prisma, input)).toEqual({ applied: false, reason: 'duplicate' });

    const state = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
    expect(state).toMatchObject({ state: 1, reps: 1, version: 1 });
    expect(state.due.toISOString()).toBe('2026-01-05T14:01:00.000Z');
    const logs = await prisma.reviewLog.findMany({ where: { userId, cardId } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ clientId: 'live:game-1:' + cardId, source: 'live', sourceRef: 'game-1', rating: 1, state: 0, previous: null });
    expect(await prisma.deckSubscription.count({ where: { userId, deckId: 'sns' } })).toBe(1);
  });

  it('ignores a second answer to the same card in the same study day, even from another game', async () => {
    const { recordQuizAnswer } = await import('@/server/bridge');
    const prisma = await h.db();
    // 03:00 next morning in New York (08:00Z) is still the 2026-01-05 study day (rollover 04:00).
    const late = new Date('2026-01-06T08:00:00Z');
    const res = await recordQuizAnswer(prisma, { userId, cardId, correct: true, source: 'assignment', sourceRef: 'attempt-9', now: late });
    expect(res).toEqual({ applied: false, reason: 'already-today' });
    expect(await prisma.reviewLog.count({ where: { userId, cardId } })).toBe(1);
  });

  it('applies Good on the next study day, bumping the version and keeping the previous state for undo', async () => {
    const { recordQuizAnswer } = await import('@/server/bridge');
    const prisma = await h.db();
    const nextDay = new Date('2026-01-06T09:30:00Z'); // 04:30 in New York
    const before = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
    const res = await recordQuizAnswer(prisma, { userId, cardId, correct: true, source: 'assignment', sourceRef: 'attempt-9', now: nextDay });
    expect(res).toMatchObject({ applied: true, rating: 3, studyDay: '2026-01-06' });
    const after = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId, cardId } } });
    expect(after.version).toBe(before.version + 1);
    expect(after.reps).toBe(2);
    const log = await prisma.reviewLog.findFirstOrThrow({ where: { userId, cardId, sourceRef: 'attempt-9' } });
    expect(log.rating).toBe(3);
    expect((log.previous as { due: string }).due).toBe(before.due.toISOString());
  });

  it('does not count an undone bridge log, and skips archived or unknown cards without failing', async () => {
    const { recordQuizAnswer } = await import('@/server/bridge');
    const prisma = await h.db();
    const first = await recordQuizAnswer(prisma, { userId, cardId: otherCardId, correct: true, source: 'live', sourceRef: 'g2', now: MORNING });
    expect(first.applied).toBe(true);
    await prisma.reviewLog.updateMany({ where: { userId, cardId: otherCardId }, data: { undone: true } });
    const again = await recordQuizAnswer(prisma, { userId, cardId: otherCardId, correct: true, source: 'live', sourceRef: 'g3', now: MORNING });
    expect(again.applied).toBe(true);
    expect(await recordQuizAnswer(prisma, { userId, cardId: 'no-such-card', correct: true, source: 'live', sourceRef: 'g3', now: MORNING })).toEqual({
      applied: false,
      reason: 'card-missing',
    });
  });
});
