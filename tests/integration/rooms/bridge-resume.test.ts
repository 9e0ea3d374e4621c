import { afterAll, describe, expect, it } from 'vitest';
import type { PlayerView } from '@/core/game';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { answerFor, eventually, openDb, playedQuestions } from './db';
import { signedInClient } from './room-client';

const servers: TestServer[] = [];
let database: TestDatabase | undefined;
afterAll(async () => {
  for (const s of servers) await s.stop();
  await database?.drop();
});

describe('live answers into review schedules', () => {
  it('carries a signed-in player’s answers into review, and after a restart finishes what it had not reached', async () => {
    // A database of our own, so a second server can open it after the first stops.
    database = await freshDatabase();
    const first = await startTestServer({ databaseUrl: database.url });
    servers.push(first);

    const { client: host } = await signedInClient(first.url, 'Host');
    const { client: student, userId } = await signedInClient(first.url, 'Stu', 'student');
    const { gameId, pin } = await host.emit('host:create', { deckId: 'sqs', settings: { questionCount: 2, secondsPerQuestion: 60 } });
    const prisma = openDb(database.url);
    const questions = await playedQuestions(prisma, gameId);
    const joined = await student.emit('room:join', { pin, nickname: 'Stu' });
    await host.emit('host:start', {});
    await student.view((v: PlayerView) => v.phase === 'question');
    expect(await student.emit('answer:submit', { questionIndex: 0, choice: answerFor(questions[0]!, false) })).toMatchObject({ ok: true });

    const clientId = (i: number) => `live:${gameId}:${questions[i]!.cardId}`;
    const log = await eventually(() => prisma.reviewLog.findFirst({ where: { userId, clientId: clientId(0) } }));
    expect(log.rating).toBe(1); // wrong in the room -> Again in review
    expect(await eventually(async () => ((await prisma.gameBridgeOutbox.count({ where: { sessionId: gameId } })) === 0 ? true : null))).toBe(true);
    host.close();
    student.close();
    await first.stop();

    // As if the server had died between storing question 2's answer and carrying it into review.
    await prisma.gameBridgeOutbox.create({
      data: { sessionId: gameId, playerId: joined.playerId, questionIndex: 1, userId, cardId: questions[1]!.cardId, correct: true, at: Date.now() },
    });
    const second = await startTestServer({ databaseUrl: database.url });
    servers.push(second);
    expect(second.output()).toMatch(/carrying 1 live answer/);
    const resumed = await eventually(() => prisma.reviewLog.findFirst({ where: { userId, clientId: clientId(1) } }));
    expect(resumed.rating).toBe(3);
    expect(await eventually(async () => ((await prisma.gameBridgeOutbox.count()) === 0 ? true : null))).toBe(true);
    await prisma.$disconnect();
  });
});
