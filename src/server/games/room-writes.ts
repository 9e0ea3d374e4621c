/**
 * What a live room writes while it runs, as prepared statements on Prisma's own SQLite
 * connection (prismaConnection in src/server/db.ts).
 *
 * why not Prisma here: a 1,000-player room stores a thousand answers within seconds. Through
 * Prisma each batch went through its query compiler on the event loop (100–400 ms stalls in the
 * benchmark, delaying every answer's ack); a prepared INSERT per row inside one transaction
 * takes a few ms for the same batch. Column formats match Prisma's (dates as ISO text, booleans
 * as 0/1, Json as JSON text), so Prisma reads these rows like its own.
 */
import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Choice } from '@/core/game';
import { sqlTime } from '../review/sql';

export interface PlayerRow {
  id: string;
  sessionId: string;
  userId: string | null;
  nickname: string;
  /** Epoch ms. */
  joinedAt: number;
}

export interface AnswerRow {
  sessionId: string;
  playerId: string;
  questionIndex: number;
  cardId: string | null;
  choice: Choice;
  correct: boolean;
  responseMs: number;
  points: number;
  /** Epoch ms. */
  createdAt: number;
}

export interface FinalResult {
  playerId: string;
  score: number;
  /** Null for kicked players. */
  finalRank: number | null;
}

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(sql: Database.Database) {
  return {
    player: sql.prepare(
      'INSERT INTO "GamePlayer" ("id", "sessionId", "userId", "nickname", "score", "kicked", "joinedAt") VALUES (?, ?, ?, ?, 0, 0, ?)',
    ),
    answer: sql.prepare(
      'INSERT INTO "GameAnswer" ("id", "sessionId", "playerId", "questionIndex", "cardId", "choice", "correct", "responseMs", "points", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    kicked: sql.prepare('UPDATE "GamePlayer" SET "kicked" = 1 WHERE "id" = ?'),
    started: sql.prepare('UPDATE "GameSession" SET "status" = \'running\', "startedAt" = ? WHERE "id" = ?'),
    result: sql.prepare('UPDATE "GamePlayer" SET "score" = ?, "finalRank" = ? WHERE "id" = ? AND "sessionId" = ?'),
    ended: sql.prepare('UPDATE "GameSession" SET "status" = \'ended\', "endedAt" = ? WHERE "id" = ?'),
    snapshot: sql.prepare('UPDATE "GameSession" SET "snapshot" = ? WHERE "id" = ?'),
  };
}

function statements(sql: Database.Database): Statements {
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = prepare(sql)));
  return s;
}

export function insertPlayer(sql: Database.Database, r: PlayerRow): void {
  statements(sql).player.run(r.id, r.sessionId, r.userId, r.nickname, sqlTime(r.joinedAt));
}

export function insertAnswer(sql: Database.Database, r: AnswerRow): void {
  statements(sql).answer.run(
    crypto.randomUUID(),
    r.sessionId,
    r.playerId,
    r.questionIndex,
    r.cardId,
    JSON.stringify(r.choice),
    r.correct ? 1 : 0,
    Math.round(r.responseMs),
    r.points,
    sqlTime(r.createdAt),
  );
}

export function markPlayerKicked(sql: Database.Database, playerId: string): void {
  statements(sql).kicked.run(playerId);
}

export function markSessionStarted(sql: Database.Database, gameId: string, at: number): void {
  statements(sql).started.run(sqlTime(at), gameId);
}

/** Final scores and ranks of every player, then the session marked ended. */
export function saveFinalResults(sql: Database.Database, gameId: string, results: FinalResult[], endedAt: number): void {
  const s = statements(sql);
  for (const r of results) s.result.run(r.score, r.finalRank, r.playerId, gameId);
  s.ended.run(sqlTime(endedAt), gameId);
}

/** The room's latest snapshot as JSON text (see toSnapshot), or null once the room is gone. */
export function saveSnapshot(sql: Database.Database, gameId: string, snapshotJson: string | null): void {
  statements(sql).snapshot.run(snapshotJson, gameId);
}
