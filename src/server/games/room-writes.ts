/**
 * What live rooms write while they run, as plain rows gathered into one batch per group commit
 * (server/rooms/persistence.ts). room-writes-sql.ts turns a batch into the few statements of one
 * transaction. Times are epoch ms; JSON columns arrive as JSON text.
 */
import type { Choice } from '@/core/game';

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

/** One accepted command of a room (see GameCommand in the schema); `entry` is JSON `{ now, command }`. */
export interface CommandRow {
  sessionId: string;
  version: number;
  entry: string;
}

export interface FinalResult {
  playerId: string;
  score: number;
  /** Null for kicked players. */
  finalRank: number | null;
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

export interface RoomWrites {
  /**
   * Several nodes: each room's fencing token (GameSession.ownerEpoch) as this node holds it. The
   * batch is refused for a room whose token has moved on (another node took it over).
   */
  fences: { sessionId: string; epoch: number }[];
  players: PlayerRow[];
  commands: CommandRow[];
  answers: AnswerRow[];
  /** Outbox rows for the review bridge, written with their answers. */
  outbox: BridgeRow[];
  kicks: { sessionId: string; playerId: string }[];
  /** Lobby → running (never reopens a game already ended). */
  starts: { sessionId: string; at: number }[];
  /** Final scores and ranks, then the session marked ended. */
  ends: { sessionId: string; results: FinalResult[]; endedAt: number }[];
  /** Outbox rows the bridge has carried into review. */
  bridgeDone: { sessionId: string; playerId: string; questionIndex: number }[];
  /** A closed question's answers (its AnswerTable as JSON text), kept for restoring the room. */
  closedAnswers: { sessionId: string; questionIndex: number; answers: string }[];
  /** The room's snapshot (sessions.ts toSnapshot) and the state version it covers: the log up to it is pruned. */
  snapshots: { sessionId: string; json: string; version: number }[];
  /** Rooms gone for good: their snapshot, closed answers and command log are dropped. */
  closed: string[];
}

type Kind = keyof RoomWrites;
const KINDS: Kind[] = ['fences', 'players', 'commands', 'answers', 'outbox', 'kicks', 'starts', 'ends', 'bridgeDone', 'closedAnswers', 'snapshots', 'closed'];

export function emptyRoomWrites(): RoomWrites {
  return { fences: [], players: [], commands: [], answers: [], outbox: [], kicks: [], starts: [], ends: [], bridgeDone: [], closedAnswers: [], snapshots: [], closed: [] };
}

export function roomWritesSize(w: RoomWrites): number {
  let n = 0;
  for (const k of KINDS) n += w[k].length;
  return n;
}

/**
 * `older` then `newer`, kind by kind. why this is safe: within a batch the statements run kind by
 * kind in a fixed order (players before their answers, inserts before updates and deletes), and
 * every kind keeps its own order, so an older batch put back in front (a retry) stays first.
 */
export function mergeRoomWrites(older: RoomWrites, newer: RoomWrites): RoomWrites {
  const out = emptyRoomWrites();
  for (const k of KINDS) (out[k] as unknown[]) = [...older[k], ...newer[k]];
  return out;
}

const sessionOf = (kind: Kind, item: unknown): string => (kind === 'closed' ? (item as string) : (item as { sessionId: string }).sessionId);

/** The batch split by room, so one room's bad row cannot keep the others' from being stored. */
export function roomWritesBySession(w: RoomWrites): Map<string, RoomWrites> {
  const out = new Map<string, RoomWrites>();
  for (const k of KINDS) {
    for (const item of w[k] as unknown[]) {
      const id = sessionOf(k, item);
      let part = out.get(id);
      if (!part) out.set(id, (part = emptyRoomWrites()));
      (part[k] as unknown[]).push(item);
    }
  }
  return out;
}
