/**
 * Live games in the database: opening a room, its snapshot format and restoring open rooms (what
 * a room writes while it runs is in room-writes.ts). The game rules live in src/core/game.
 */
import { qb, queries, transaction, type Db } from '../db';
import type { Prisma } from '@/generated/prisma/client';
import type { SessionUser } from '../auth';
import { answerTableFrom, type Command, type GameSettings, type GameState, type QuizCard } from '@/core/game';
import { visibleDecksWhere } from '../decks/access';
import { CARD_ROW_SELECT, rowToCard } from '../decks/card-row';

export type GameStatus = 'lobby' | 'running' | 'ended';

export interface HostableDeck {
  id: string;
  title: string;
  cards: QuizCard[];
}

/**
 * The deck's live (not archived) cards, in deck order, when `user` may use it; null otherwise
 * (callers answer `deck_not_found` either way, so nobody learns that a private deck exists).
 */
export async function loadHostableDeck(prisma: Db, user: SessionUser, deckId: string): Promise<HostableDeck | null> {
  const deck = await prisma.deck.findFirst({
    where: { AND: [{ id: deckId }, visibleDecksWhere(user)] },
    select: { id: true, title: true },
  });
  if (!deck) return null;
  const rows = await prisma.card.findMany({
    where: { deckId: deck.id, archived: false },
    orderBy: { ord: 'asc' },
    select: CARD_ROW_SELECT,
  });
  return { id: deck.id, title: deck.title, cards: rows.map(rowToCard) };
}

/** Whether `userId` teaches the class (only a class's owner may run its live sessions). */
export async function ownsClass(prisma: Db, userId: string, classId: string): Promise<boolean> {
  const row = await prisma.class.findFirst({ where: { id: classId, ownerId: userId, archived: false }, select: { id: true } });
  return !!row;
}

export interface NewSession {
  state: GameState;
  hostId: string;
  deckId: string;
  title: string;
  classId?: string;
  settings: GameSettings;
}

/** Stores a new room: its settings, the questions as drawn (so reports survive deck edits) and a first snapshot. */
export async function createGameSession(prisma: Db, s: NewSession): Promise<void> {
  await prisma.gameSession.create({
    data: {
      id: s.state.gameId,
      pin: s.state.pin,
      hostId: s.hostId,
      classId: s.classId ?? null,
      deckId: s.deckId,
      title: s.title,
      settings: s.settings as unknown as Prisma.InputJsonValue,
      questions: s.state.questions as unknown as Prisma.InputJsonValue,
      status: 'lobby',
      snapshot: toSnapshot(s.state, s.state.createdAt),
    },
  });
}

/**
 * What the snapshot column holds: the room state and when it was taken. Since the room writes
 * each closed question's answers once to GameClosedAnswers, `state.answers` holds null for the
 * questions stored there (older snapshots hold every table); restoring puts them back.
 */
export interface RoomSnapshot {
  savedAt: number;
  lastActivity: number;
  state: GameState;
}

/**
 * The snapshot as JSON text, leaving out the answers of the first `storedClosed` questions (stored
 * in GameClosedAnswers). why text: handing Prisma the state as an object makes it walk every
 * nested value of a 1,000-player room on the event loop (tens of ms per write). The room's
 * writes store this text as the column's JSON (room-writes.ts); the first snapshot, written with
 * the session through Prisma, is stored as a JSON string holding it. parseSnapshot reads both.
 */
export function toSnapshot(state: GameState, lastActivity: number, storedClosed = 0): string {
  const saved = storedClosed > 0 ? { ...state, answers: state.answers.map((table, i) => (i < storedClosed ? null : table)) } : state;
  return JSON.stringify({ savedAt: Date.now(), lastActivity, state: saved });
}

/**
 * Reads a snapshot column (a JSON string, or an object from older rows); null when unusable.
 * `closed` gives the stored answers of closed questions (GameClosedAnswers rows) for the tables
 * the snapshot left out.
 */
export function parseSnapshot(value: unknown, closed: ReadonlyMap<number, string> = new Map()): RoomSnapshot | null {
  let v = value;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  const snap = v as RoomSnapshot | null;
  if (!snap || typeof snap !== 'object' || !snap.state || typeof snap.state.gameId !== 'string') return null;
  if (Array.isArray(snap.state.answers)) {
    const answers: unknown[] = snap.state.answers;
    snap.state.answers = answers.map((table, i) => {
      if (table !== null) return answerTableFrom(table);
      const stored = closed.get(i);
      if (stored === undefined) {
        // A lost row costs that question's counts on the host's summary; scores live on the players.
        console.error(`room ${snap.state.gameId}: answers of question ${i + 1} missing from GameClosedAnswers; restored empty`);
        return answerTableFrom(null);
      }
      return answerTableFrom(JSON.parse(stored));
    });
  }
  return snap;
}

/** One logged command of a room (GameCommand), as the room applied it. */
export interface LoggedCommand {
  version: number;
  now: number;
  command: Command;
}

export interface OpenSession {
  id: string;
  hostId: string | null;
  snapshot: RoomSnapshot;
  /** Commands accepted after the snapshot, in order: replaying them rebuilds the room as it was acknowledged. */
  commands: LoggedCommand[];
}

/** The command log of a room as stored: JSON `{ now, command }` per version. */
export function parseLoggedCommand(version: number, entry: string): LoggedCommand | null {
  try {
    const v = JSON.parse(entry) as { now?: unknown; command?: unknown };
    if (typeof v.now !== 'number' || !v.command || typeof v.command !== 'object') return null;
    return { version, now: v.now, command: v.command as Command };
  } catch {
    return null;
  }
}

/**
 * Several nodes: this node takes a live room over. Raises the room's fencing token and returns it;
 * from then on writes of the room by any node holding an older token are refused (storeRoomWrites).
 * why before the room is loaded: everything the old owner stored is then in what is read next.
 */
export async function takeRoomOwnership(gameId: string): Promise<number> {
  return transaction(async (q) => {
    await q.run(qb().updateTable('GameSession').set((eb) => ({ ownerEpoch: eb('ownerEpoch', '+', 1) })).where('id', '=', gameId));
    const row = await q.first(qb().selectFrom('GameSession').select('ownerEpoch').where('id', '=', gameId));
    return row?.ownerEpoch ?? 0;
  });
}

/**
 * Rooms that were open when the server stopped (or the `only` ones, when open), with their last
 * snapshot and the commands after it.
 * Three reads (sessions, their closed questions' answers, their command logs) on either engine.
 */
export async function loadOpenSessions(only?: string[]): Promise<OpenSession[]> {
  const q = queries();
  let open = qb().selectFrom('GameSession').select(['id', 'hostId', 'snapshot']).where('status', 'in', ['lobby', 'running']);
  if (only) open = open.where('id', 'in', only.length ? only : ['']);
  const rows = await q.all(open);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const closed = await q.all(qb().selectFrom('GameClosedAnswers').select(['sessionId', 'questionIndex', 'answers']).where('sessionId', 'in', ids));
  const logged = await q.all(
    qb().selectFrom('GameCommand').select(['sessionId', 'version', 'entry']).where('sessionId', 'in', ids).orderBy('sessionId').orderBy('version'),
  );
  const closedOf = groupBy(closed, (c) => c.sessionId);
  const logOf = groupBy(logged, (c) => c.sessionId);
  const out: OpenSession[] = [];
  for (const r of rows) {
    let snap: RoomSnapshot | null = null;
    try {
      snap = parseSnapshot(r.snapshot, new Map((closedOf.get(r.id) ?? []).map((c) => [c.questionIndex, c.answers])));
    } catch (err) {
      console.error(`room ${r.id}: unreadable snapshot; not restored`, err);
    }
    if (!snap) continue;
    const commands: LoggedCommand[] = [];
    for (const c of logOf.get(r.id) ?? []) {
      if (c.version <= snap.state.version) continue;
      const entry = parseLoggedCommand(c.version, c.entry);
      if (!entry) {
        // why stop here: later commands were applied on top of this one; replaying them without it would diverge.
        console.error(`room ${r.id}: unreadable command ${c.version}; restored up to the one before`);
        break;
      }
      commands.push(entry);
    }
    out.push({ id: r.id, hostId: r.hostId, snapshot: snap, commands });
  }
  return out;
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
