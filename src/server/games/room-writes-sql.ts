/**
 * A batch of room writes (room-writes.ts) as SQL on either engine, committed in one transaction.
 *
 * why so few statements: every statement through Prisma's raw API costs about 0.1 ms of client
 * work and a transaction about 0.3 ms, where the old prepared statements cost microseconds. So a
 * batch becomes one multi-row INSERT per table (commands, players, answers, outbox), one UPDATE
 * or DELETE per kind of change, and one UPDATE for a game's final scores; a batch of answers is
 * two or three statements whatever its size.
 */
import crypto from 'node:crypto';
import { sql, type CompiledQuery } from 'kysely';
import { asBool, qb, queries, transaction, toJson } from '../db';
import type { BridgeRow, FinalResult, RoomWrites } from './room-writes';

/**
 * Most parameters in one statement. why: SQLite allows 32,766 and PostgreSQL 65,535, and a very
 * long statement costs more to compile than two shorter ones.
 */
const MAX_PARAMS = 5000;
/** Players per final-results UPDATE: its CASE is searched once per updated row. */
const RESULTS_PER_UPDATE = 250;

function chunks<T>(rows: T[], maxSize: number): T[][] {
  const size = Math.max(1, Math.floor(maxSize));
  if (rows.length <= size) return rows.length ? [rows] : [];
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** The batch's statements, in an order that satisfies every foreign key and dependency within it. */
export function roomWriteStatements(w: RoomWrites): CompiledQuery[] {
  const k = qb();
  const out: CompiledQuery[] = [];
  for (const rows of chunks(w.players, MAX_PARAMS / 9)) {
    const values = rows.map((r) => ({ id: r.id, sessionId: r.sessionId, userId: r.userId, nickname: r.nickname, score: 0, finalRank: null, kicked: false, joinedAt: new Date(r.joinedAt), joinedDuring: r.joinedDuring }));
    out.push(k.insertInto('GamePlayer').values(values).compile());
  }
  for (const rows of chunks(w.commands, MAX_PARAMS / 3)) {
    out.push(k.insertInto('GameCommand').values(rows).compile());
  }
  for (const rows of chunks(w.answers, MAX_PARAMS / 10)) {
    const values = rows.map((r) => ({
      id: crypto.randomUUID(),
      sessionId: r.sessionId,
      playerId: r.playerId,
      questionIndex: r.questionIndex,
      cardId: r.cardId,
      choice: toJson(r.choice),
      correct: r.correct,
      responseMs: Math.round(r.responseMs),
      points: r.points,
      createdAt: new Date(r.createdAt),
    }));
    out.push(k.insertInto('GameAnswer').values(values).compile());
  }
  // why ignore conflicts: a restart can hand the same answer to the outbox again; one row is enough.
  for (const rows of chunks(w.outbox, MAX_PARAMS / 7)) {
    out.push(k.insertInto('GameBridgeOutbox').values(rows).onConflict((oc) => oc.doNothing()).compile());
  }
  for (const rows of chunks(w.kicks, MAX_PARAMS)) {
    out.push(k.updateTable('GamePlayer').set({ kicked: true }).where('id', 'in', rows.map((r) => r.playerId)).compile());
  }
  // why the status guard: a game ended from the lobby is marked ended first; "started" must not reopen it.
  for (const s of w.starts) {
    out.push(k.updateTable('GameSession').set({ status: 'running', startedAt: new Date(s.at) }).where('id', '=', s.sessionId).where('status', '=', 'lobby').compile());
  }
  for (const e of w.ends) {
    for (const rows of chunks(e.results, RESULTS_PER_UPDATE)) out.push(finalResults(e.sessionId, rows));
    out.push(k.updateTable('GameSession').set({ status: 'ended', endedAt: new Date(e.endedAt) }).where('id', '=', e.sessionId).compile());
  }
  for (const rows of chunks(w.bridgeDone, MAX_PARAMS / 2)) {
    out.push(
      k
        .deleteFrom('GameBridgeOutbox')
        .where((eb) => eb(eb.refTuple('playerId', 'questionIndex'), 'in', rows.map((r) => eb.tuple(r.playerId, r.questionIndex))))
        .compile(),
    );
  }
  for (const rows of chunks(w.closedAnswers, MAX_PARAMS / 3)) {
    out.push(
      k
        .insertInto('GameClosedAnswers')
        .values(rows)
        .onConflict((oc) => oc.columns(['sessionId', 'questionIndex']).doUpdateSet((eb) => ({ answers: eb.ref('excluded.answers') })))
        .compile(),
    );
  }
  for (const s of w.snapshots) {
    out.push(k.updateTable('GameSession').set({ snapshot: s.json }).where('id', '=', s.sessionId).compile());
    // Commands the snapshot now covers are no longer needed to rebuild the room.
    out.push(k.deleteFrom('GameCommand').where('sessionId', '=', s.sessionId).where('version', '<=', s.version).compile());
  }
  if (w.closed.length) {
    out.push(k.updateTable('GameSession').set({ snapshot: null }).where('id', 'in', w.closed).compile());
    out.push(k.deleteFrom('GameClosedAnswers').where('sessionId', 'in', w.closed).compile());
    out.push(k.deleteFrom('GameCommand').where('sessionId', 'in', w.closed).compile());
  }
  return out;
}

/**
 * Final scores and ranks of many players in one UPDATE (a CASE on the player id per column). why
 * the casts: PostgreSQL reads an untyped parameter in a CASE branch as text, which an integer
 * column refuses. why sql.join and not the case() builder: the builder copies every earlier
 * branch at each new one, which took tens of ms for a 1,000-player podium.
 */
function finalResults(sessionId: string, rows: FinalResult[]): CompiledQuery {
  const caseOf = (column: 'score' | 'finalRank', value: (r: FinalResult) => number | null) =>
    sql<number>`CASE ${sql.ref('id')} ${sql.join(
      rows.map((r) => sql`WHEN ${r.playerId} THEN CAST(${value(r)} AS INTEGER)`),
      sql` `,
    )} ELSE ${sql.ref(column)} END`;
  return qb()
    .updateTable('GamePlayer')
    .set({ score: caseOf('score', (r) => r.score), finalRank: caseOf('finalRank', (r) => r.finalRank) })
    .where('sessionId', '=', sessionId)
    .where(
      'id',
      'in',
      rows.map((r) => r.playerId),
    )
    .compile();
}

/**
 * Commits a batch in one transaction: all of it or nothing. The statements are compiled before the
 * transaction opens, so it stays open only while they run.
 */
export async function storeRoomWrites(w: RoomWrites): Promise<void> {
  const statements = roomWriteStatements(w);
  if (!statements.length) return;
  await transaction(async (q) => {
    // why first: on PostgreSQL the check locks the session row, so a takeover raising the token
    // waits for this commit and then reads it; a takeover already committed makes the check fail.
    for (const f of w.fences) {
      const held = await q.run(qb().updateTable('GameSession').set({ ownerEpoch: f.epoch }).where('id', '=', f.sessionId).where('ownerEpoch', '=', f.epoch));
      if (held === 0) throw new RoomFencedError(f.sessionId);
    }
    for (const s of statements) await q.run(s);
  });
}

/** A room's writes were refused: another node took the room over (its fencing token moved on). */
export class RoomFencedError extends Error {
  constructor(readonly sessionId: string) {
    super(`room ${sessionId}: another node owns it now`);
  }
}

/** Every answer still waiting for the bridge, oldest first (after a restart). */
export async function pendingBridgeRows(): Promise<BridgeRow[]> {
  const rows = await queries().all(
    qb().selectFrom('GameBridgeOutbox').select(['sessionId', 'playerId', 'questionIndex', 'userId', 'cardId', 'correct', 'at']).orderBy('at'),
  );
  return rows.map((r) => ({ ...r, correct: asBool(r.correct) }));
}

