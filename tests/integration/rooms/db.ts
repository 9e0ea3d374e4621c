import type { PrismaClient } from '@/generated/prisma/client';
import type { Question } from '@/core/game';
import { openPrisma } from '../helpers/database';

/** A Prisma client on a test server's database, SQLite or PostgreSQL (read what the server stored). */
export function openDb(databaseUrl: string): PrismaClient {
  return openPrisma(databaseUrl);
}

/** The questions as played (answer keys included), from the game's session row. */
export async function playedQuestions(prisma: PrismaClient, gameId: string): Promise<Question[]> {
  const s = await prisma.gameSession.findUniqueOrThrow({ where: { id: gameId } });
  return s.questions as unknown as Question[];
}

/** A correct (or deliberately wrong) answer for a question, from its key. */
export function answerFor(q: Question, right: boolean): number[] | string {
  if (q.kind === 'type') return right ? q.answerText : 'certainly not the answer';
  const correct = q.correct!;
  if (right) return [...correct];
  const wrong = q.options!.map((_, i) => i).find((i) => !correct.includes(i))!;
  return [wrong];
}

/** Polls until `check` returns a truthy value (the server writes in batches). */
export async function eventually<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
