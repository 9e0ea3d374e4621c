/**
 * Class sessions on the real server: a room hosted for a class records GameSession.classId, a member's
 * live answers reach their review through the bridge, room:join enforces Class.allowGuests, and a
 * warm-up question set can be hosted live (host:create with questionSetId).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostView, PlayerView } from '@/core/game';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { answerFor, eventually, openDb, playedQuestions } from '../rooms/db';
import { guest, signedInClient, type RoomClient } from '../rooms/room-client';

let server: TestServer;
let prisma: ReturnType<typeof openDb>;
let host: RoomClient;
let hostId: string;
let student: RoomClient;
let studentId: string;
let classId: string;

beforeAll(async () => {
  server = await startTestServer({ env: { RATE_LIMIT_JOIN: '1000/60' } });
  prisma = openDb(server.databaseUrl);
  ({ client: host, userId: hostId } = await signedInClient(server.url, 'Ina Instructor', 'instructor'));
  ({ client: student, userId: studentId } = await signedInClient(server.url, 'Stu Student', 'student'));
  // why: class routes are Next handlers (not served without a build); the rows are what they would write.
  const cls = await prisma.class.create({ data: { name: 'Cloud 101', joinCode: 'CLOUD1', ownerId: hostId } });
  classId = cls.id;
  await prisma.enrollment.create({ data: { classId, userId: studentId } });
  await prisma.classDeck.create({ data: { classId, deckId: 'sqs' } });
}, 120_000);
afterAll(async () => {
  host?.close();
  student?.close();
  await prisma?.$disconnect();
  await server?.stop();
});

async function openClassRoom(extra: Record<string, unknown> = {}) {
  const created = await host.emit('host:create', {
    deckId: 'sqs',
    classId,
    settings: { questionCount: 2, secondsPerQuestion: 60, kinds: ['mcq', 'tf'] },
    ...extra,
  });
  expect(created).toMatchObject({ ok: true });
  return created as { gameId: string; pin: string };
}

describe('a live session hosted for a class', () => {
  it('is recorded under the class, and a member who answers wrong finds the card due in their review', async () => {
    const { gameId, pin } = await openClassRoom();
    expect((await prisma.gameSession.findUniqueOrThrow({ where: { id: gameId } })).classId).toBe(classId);
    const questions = await playedQuestions(prisma, gameId);

    const joined = await student.emit('room:join', { pin, nickname: 'Stu' });
    expect(joined).toMatchObject({ ok: true });
    await host.view((v: HostView) => v.playerCount === 1);
    expect(await host.emit('host:start', {})).toMatchObject({ ok: true });

    await student.view((v: PlayerView) => v.phase === 'question' && v.question?.index === 0);
    const answeredAt = Date.now();
    expect(await student.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, false) })).toMatchObject({ ok: true });
    await student.view((v: PlayerView) => v.phase === 'reveal');
    await host.view((v: HostView) => v.phase === 'reveal');
    expect(await host.emit('host:next', {})).toMatchObject({ ok: true }); // leaderboard
    await host.view((v: HostView) => v.phase === 'leaderboard');
    expect(await host.emit('host:next', {})).toMatchObject({ ok: true });
    await student.view((v: PlayerView) => v.phase === 'question' && v.question?.index === 1);
    expect(await student.emit('answer:submit', { questionIndex: 1, choice: answerFor(questions[1]!, true) })).toMatchObject({ ok: true });
    await student.view((v: PlayerView) => v.phase === 'reveal' && v.reveal?.questionIndex === 1);

    const missed = questions[0]!.cardId;
    const log = await eventually(() => prisma.reviewLog.findFirst({ where: { userId: studentId, cardId: missed } }));
    expect(log).toMatchObject({ source: 'live', sourceRef: gameId, rating: 1 });
    const state = await prisma.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: studentId, cardId: missed } } });
    // Again on a card: back in (re)learning at the first step (1 minute) — due now, within the review's learn-ahead.
    expect(state.state === 1 || state.state === 3).toBe(true);
    expect(state.due.getTime()).toBeLessThanOrEqual(answeredAt + 60_000 + 5_000);
    expect(state.due.getTime()).toBeLessThanOrEqual(Date.now() + 20 * 60_000);
    // The review service hands it out first once its step is up (the card answered right waits 10 minutes).
    Object.assign(process.env, { DATABASE_URL: server.databaseUrl, DATA_DIR: server.dataDir, BETTER_AUTH_SECRET: 'integration-test-secret-0123456789abcdef' });
    const { nextCardForUser } = await import('@/server/review');
    const next = await nextCardForUser(studentId, new Date(state.due.getTime() + 1000));
    expect(next.card?.id).toBe(missed);
    const right = await eventually(() => prisma.reviewLog.findFirst({ where: { userId: studentId, cardId: questions[1]!.cardId } }));
    expect(right).toMatchObject({ source: 'live', rating: 3 });
    // The deck is now in the student's review.
    expect(await prisma.deckSubscription.count({ where: { userId: studentId, deckId: 'sqs' } })).toBe(1);
    expect(await host.emit('host:end-game', {})).toMatchObject({ ok: true });
  });
});

describe('who may join a class room', () => {
  it('turns away guests and signed-in non-members with members_only while guests are not allowed', async () => {
    const { pin } = await openClassRoom();
    const g = await guest(server.url);
    const { client: outsider } = await signedInClient(server.url, 'Otto Outsider', 'student');
    try {
      const refusedGuest = await g.emit('room:join', { pin, nickname: 'Guesty' });
      expect(refusedGuest).toMatchObject({ ok: false, code: 'members_only' });
      expect(refusedGuest.message).toMatch(/class/i);
      expect(await outsider.emit('room:join', { pin, nickname: 'Otto' })).toMatchObject({ ok: false, code: 'members_only' });
      // The member and the instructor get in.
      expect(await student.emit('room:join', { pin, nickname: 'Stu' })).toMatchObject({ ok: true });
      expect(await host.emit('room:join', { pin, nickname: 'Teacher' })).toMatchObject({ ok: true });

      await prisma.class.update({ where: { id: classId }, data: { allowGuests: true } });
      expect(await g.emit('room:join', { pin, nickname: 'Guesty' })).toMatchObject({ ok: true });
      expect(await outsider.emit('room:join', { pin, nickname: 'Otto' })).toMatchObject({ ok: true });
    } finally {
      await prisma.class.update({ where: { id: classId }, data: { allowGuests: false } });
      g.close();
      outsider.close();
      await host.emit('host:end-game', {});
    }
  });

  it('leaves rooms without a class open to everyone', async () => {
    const created = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 1 } });
    const g = await guest(server.url);
    try {
      expect(await g.emit('room:join', { pin: created.pin, nickname: 'Anyone' })).toMatchObject({ ok: true });
    } finally {
      g.close();
      await host.emit('host:end-game', {});
    }
  });
});

describe('a warm-up question set hosted live', () => {
  it('plays exactly the set, in the class, and refuses a set of someone else', async () => {
    const cards = await prisma.card.findMany({
      where: { deckId: 'sqs', kind: { in: ['mcq', 'tf'] }, archived: false, needsAnswerKey: false },
      orderBy: { ord: 'desc' },
      take: 3,
    });
    const set = await prisma.questionSet.create({ data: { ownerId: hostId, title: 'Warm-up', cardIds: cards.map((c) => c.id) } });
    const created = await host.emit('host:create', {
      deckId: 'sqs',
      classId,
      questionSetId: set.id,
      title: 'Warm-up',
      settings: { questionCount: 3, shuffleQuestions: false },
    });
    expect(created).toMatchObject({ ok: true });
    const played = await playedQuestions(prisma, created.gameId);
    expect(played.map((q) => q.cardId)).toEqual(cards.map((c) => c.id));
    const session = await prisma.gameSession.findUniqueOrThrow({ where: { id: created.gameId } });
    expect(session).toMatchObject({ classId, deckId: 'sqs', title: 'Warm-up' });
    await host.emit('host:end-game', {});

    const { client: other } = await signedInClient(server.url, 'Otto Other', 'instructor');
    try {
      expect(await other.emit('host:create', { deckId: 'sqs', questionSetId: set.id })).toMatchObject({ ok: false, code: 'deck_not_found' });
    } finally {
      other.close();
    }
  });
});
