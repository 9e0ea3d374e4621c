/**
 * Prisma side of live games: what the room server needs to open a room and to store what happens
 * in it. Reads and writes only; the game rules live in src/core/game.
 */
import crypto from 'node:crypto';
import type { Db } from '../db';
import { Prisma } from '@/generated/prisma/client';
import type { SessionUser } from '../auth';
import { answerTableFrom, type GameSettings, type GameState, type QuizCard } from '@/core/game';
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
      snapshot: toSnapshot(s.state, s.state.createdAt) as string,
    },
  });
}

/** What the snapshot column holds: the full room state and when it was taken. */
export interface RoomSnapshot {
  savedAt: number;
  lastActivity: number;
  state: GameState;
}

/**
 * why: the column holds the snapshot as one JSON *string* (JSON.stringify of RoomSnapshot).
 * Handing Prisma the state as an object makes it walk every nested value of a 1,000-player
 * room on the event loop (tens of ms per write); a string is passed through as is.
 */
export function toSnapshot(state: GameState, lastActivity: number): Prisma.InputJsonValue {
  const snap: RoomSnapshot = { savedAt: Date.now(), lastActivity, state };
  return JSON.stringify(snap);
}

/** Reads a snapshot column (a JSON string, or an object from older rows); null when unusable. */
export function parseSnapshot(value: unknown): RoomSnapshot | null {
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
  if (Array.isArray(snap.state.answers)) snap.state.answers = snap.state.answers.map(answerTableFrom);
  return snap;
}

export interface PlayerRow {
  id: string;
  sessionId: string;
  userId: string | null;
  nickname: string;
  joinedAt: Date;
}

export interface AnswerRow {
  sessionId: string;
  playerId: string;
  questionIndex: number;
  cardId: string | null;
  choice: Prisma.InputJsonValue;
  correct: boolean;
  responseMs: number;
  points: number;
  createdAt: Date;
}

/**
 * why: raw multi-row INSERTs. Prisma's createMany compiles a query as large as the batch on the
 * event loop (hundreds of ms for a few hundred answers in its wasm query compiler), which would
 * stall a live room; a raw statement is passed through. Prisma.sql keeps the placeholders
 * portable across providers.
 */
const CHUNK = 200;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** One INSERT for many players (1,000 joins in a burst become a handful of statements). */
export async function insertPlayers(prisma: Db, rows: PlayerRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    const values = part.map((r) => Prisma.sql`(${r.id}, ${r.sessionId}, ${r.userId}, ${r.nickname}, 0, 0, ${r.joinedAt})`);
    await prisma.$executeRaw`INSERT INTO "GamePlayer" ("id", "sessionId", "userId", "nickname", "score", "kicked", "joinedAt") VALUES ${Prisma.join(values)}`;
  }
}

export async function insertAnswers(prisma: Db, rows: AnswerRow[]): Promise<void> {
  for (const part of chunks(rows)) {
    const values = part.map(
      (r) =>
        Prisma.sql`(${crypto.randomUUID()}, ${r.sessionId}, ${r.playerId}, ${r.questionIndex}, ${r.cardId}, ${JSON.stringify(r.choice)}, ${r.correct ? 1 : 0}, ${r.responseMs}, ${r.points}, ${r.createdAt})`,
    );
    await prisma.$executeRaw`INSERT INTO "GameAnswer" ("id", "sessionId", "playerId", "questionIndex", "cardId", "choice", "correct", "responseMs", "points", "createdAt") VALUES ${Prisma.join(values)}`;
  }
}

export async function setSessionStatus(
  prisma: Db,
  gameId: string,
  data: { status: GameStatus; startedAt?: Date; endedAt?: Date },
): Promise<void> {
  await prisma.gameSession.update({ where: { id: gameId }, data });
}

export async function saveSnapshot(prisma: Db, gameId: string, snapshot: Prisma.InputJsonValue | null): Promise<void> {
  await prisma.gameSession.update({
    where: { id: gameId },
    data: { snapshot: snapshot === null ? (null as unknown as Prisma.InputJsonValue) : snapshot },
  });
}

export async function markPlayerKicked(prisma: Db, playerId: string): Promise<void> {
  await prisma.gamePlayer.updateMany({ where: { id: playerId }, data: { kicked: true } });
}

export interface FinalResult {
  playerId: string;
  score: number;
  /** Null for kicked players. */
  finalRank: number | null;
}

/** Final scores and ranks: one UPDATE per 200 players (see CHUNK), then the session. */
export async function saveFinalResults(prisma: Db, gameId: string, results: FinalResult[], endedAt: Date): Promise<void> {
  for (const part of chunks(results)) {
    const ids = Prisma.join(part.map((r) => Prisma.sql`${r.playerId}`));
    const score = Prisma.join(part.map((r) => Prisma.sql`WHEN ${r.playerId} THEN ${r.score}`), ' ');
    const rank = Prisma.join(part.map((r) => Prisma.sql`WHEN ${r.playerId} THEN ${r.finalRank}`), ' ');
    await prisma.$executeRaw`UPDATE "GamePlayer" SET "score" = CASE "id" ${score} END, "finalRank" = CASE "id" ${rank} END WHERE "sessionId" = ${gameId} AND "id" IN (${ids})`;
  }
  await prisma.gameSession.update({ where: { id: gameId }, data: { status: 'ended', endedAt } });
}

/** Rooms that were open when the server stopped, with their last snapshot (restored at start). */
export async function loadOpenSessions(prisma: Db): Promise<Array<{ id: string; hostId: string | null; snapshot: RoomSnapshot }>> {
  const rows = await prisma.gameSession.findMany({
    where: { status: { in: ['lobby', 'running'] } },
    select: { id: true, hostId: true, snapshot: true },
  });
  const out: Array<{ id: string; hostId: string | null; snapshot: RoomSnapshot }> = [];
  for (const r of rows) {
    const snap = parseSnapshot(r.snapshot);
    if (snap) {
      out.push({ id: r.id, hostId: r.hostId, snapshot: snap });
    }
  }
  return out;
}
