/**
 * What a live room writes while it runs, as cached prepared statements (review/sql.ts) on
 * Prisma's own SQLite connection (prismaConnection in src/server/db.ts).
 *
 * why not Prisma here: a 1,000-player room stores a thousand answers within seconds. Through
 * Prisma each batch went through its query compiler on the event loop (100–400 ms stalls in the
 * benchmark, delaying every answer's ack); a prepared INSERT per row inside one transaction
 * takes a few ms for the same batch. Column formats match Prisma's (dates as ISO text, booleans
 * as 0/1, Json as JSON text), so Prisma reads these rows like its own.
 */
import crypto from 'node:crypto';
import type { Choice } from '@/core/game';
import { sqlTime, type Sql } from '../review/sql';

export interface PlayerRow {
  id: string;
  sessionId: string;
  userId: string | null;
  nickname: string;
  /** Epoch ms. */
  joinedAt: number;
  /** The question being asked (or last asked) at the join; null in the lobby. */
  joinedDuring: number | null;
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

const INSERT_PLAYER =
  'INSERT INTO "GamePlayer" ("id", "sessionId", "userId", "nickname", "score", "kicked", "joinedAt", "joinedDuring") VALUES (?, ?, ?, ?, 0, 0, ?, ?)';
const INSERT_ANSWER =
  'INSERT INTO "GameAnswer" ("id", "sessionId", "playerId", "questionIndex", "cardId", "choice", "correct", "responseMs", "points", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

export function insertPlayer(sql: Sql, r: PlayerRow): void {
  sql.run(INSERT_PLAYER, r.id, r.sessionId, r.userId, r.nickname, sqlTime(r.joinedAt), r.joinedDuring);
}

export function insertAnswer(sql: Sql, r: AnswerRow): void {
  sql.run(
    INSERT_ANSWER,
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

export function markPlayerKicked(sql: Sql, playerId: string): void {
  sql.run('UPDATE "GamePlayer" SET "kicked" = 1 WHERE "id" = ?', playerId);
}

/** why the status guard: a game ended from the lobby is marked ended first; "started" must not reopen it. */
export function markSessionStarted(sql: Sql, gameId: string, at: number): void {
  sql.run('UPDATE "GameSession" SET "status" = \'running\', "startedAt" = ? WHERE "id" = ? AND "status" = \'lobby\'', sqlTime(at), gameId);
}

/** One accepted command of a room (see GameCommand in the schema); `entryJson` is { now, command }. */
export function insertCommand(sql: Sql, gameId: string, version: number, entryJson: string): void {
  sql.run('INSERT INTO "GameCommand" ("sessionId", "version", "entry") VALUES (?, ?, ?)', gameId, version, entryJson);
}

/** Commands a snapshot now covers are no longer needed to rebuild the room. */
export function pruneCommands(sql: Sql, gameId: string, upToVersion: number): void {
  sql.run('DELETE FROM "GameCommand" WHERE "sessionId" = ? AND "version" <= ?', gameId, upToVersion);
}

/** Final scores and ranks of every player, then the session marked ended. */
export function saveFinalResults(sql: Sql, gameId: string, results: FinalResult[], endedAt: number): void {
  for (const r of results) {
    sql.run('UPDATE "GamePlayer" SET "score" = ?, "finalRank" = ? WHERE "id" = ? AND "sessionId" = ?', r.score, r.finalRank, r.playerId, gameId);
  }
  sql.run('UPDATE "GameSession" SET "status" = \'ended\', "endedAt" = ? WHERE "id" = ?', sqlTime(endedAt), gameId);
}

/** A closed question's answers (its AnswerTable as JSON text), kept for restoring the room. */
export function saveClosedAnswers(sql: Sql, gameId: string, questionIndex: number, answersJson: string): void {
  sql.run(
    'INSERT INTO "GameClosedAnswers" ("sessionId", "questionIndex", "answers") VALUES (?, ?, ?) ON CONFLICT ("sessionId", "questionIndex") DO UPDATE SET "answers" = excluded."answers"',
    gameId,
    questionIndex,
    answersJson,
  );
}

/** The room is gone for good: what was kept only to restore it. */
export function dropClosedAnswers(sql: Sql, gameId: string): void {
  sql.run('DELETE FROM "GameClosedAnswers" WHERE "sessionId" = ?', gameId);
  sql.run('DELETE FROM "GameCommand" WHERE "sessionId" = ?', gameId);
}

/** The room's latest snapshot as JSON text (see toSnapshot), or null once the room is gone. */
export function saveSnapshot(sql: Sql, gameId: string, snapshotJson: string | null): void {
  sql.run('UPDATE "GameSession" SET "snapshot" = ? WHERE "id" = ?', snapshotJson, gameId);
}

/** A signed-in player's live answer waiting to be carried into their review schedule. */
export interface BridgeRow {
  sessionId: string;
  playerId: string;
  questionIndex: number;
  userId: string;
  cardId: string;
  correct: boolean;
  /** Epoch ms. */
  at: number;
}

export function insertBridgeRow(sql: Sql, r: BridgeRow): void {
  sql.run(
    'INSERT OR IGNORE INTO "GameBridgeOutbox" ("sessionId", "playerId", "questionIndex", "userId", "cardId", "correct", "at") VALUES (?, ?, ?, ?, ?, ?, ?)',
    r.sessionId,
    r.playerId,
    r.questionIndex,
    r.userId,
    r.cardId,
    r.correct ? 1 : 0,
    r.at,
  );
}

export function deleteBridgeRow(sql: Sql, playerId: string, questionIndex: number): void {
  sql.run('DELETE FROM "GameBridgeOutbox" WHERE "playerId" = ? AND "questionIndex" = ?', playerId, questionIndex);
}

/** Every answer still waiting for the bridge, oldest first (after a restart). */
export function pendingBridgeRows(sql: Sql): BridgeRow[] {
  return sql
    .all<Omit<BridgeRow, 'correct'> & { correct: number }>(
      'SELECT "sessionId", "playerId", "questionIndex", "userId", "cardId", "correct", "at" FROM "GameBridgeOutbox" ORDER BY "at"',
    )
    .map((r) => ({ ...r, correct: r.correct === 1 }));
}
