/**
 * The room runtime talks to the outside world only through these ports, so that it can be run
 * against Socket.IO and Prisma in the server and against fakes in tests.
 */
import type { Command, Effect, GameState, HostView, PlayerState } from '../../src/core/game';
import type { RoomClosedReason } from '../../src/core/protocol';
import type { Clock } from './clock';
import type { ViewBatch } from './view-cache';

export interface RoomTransport {
  toHost(gameId: string, view: HostView): void;
  /**
   * Sends each player in `sockets` (player id -> ids of the sockets showing that player) their
   * `room:view`, taken from `views` just before it is sent.
   */
  toPlayers(gameId: string, sockets: Iterable<[string, Iterable<string>]>, views: ViewBatch): void;
  /** Sends `room:kicked` to the player's sockets and disconnects them from the room. */
  kicked(gameId: string, playerId: string): void;
  /** Sends `room:seat-moved` to the player's sockets and takes the seat off them (they stay connected). */
  seatMoved(gameId: string, playerId: string): void;
  /** Sends `room:seat-answer` to the socket that asked for a seat, and forgets its request. */
  seatAnswered(gameId: string, requestId: string, answer: { granted: boolean; token?: string }): void;
  /** Sends `room:closed` to everyone in the room and removes their sockets from it. */
  closed(gameId: string, reason: RoomClosedReason): void;
}

/** One command as the owner applied and stored it; the other nodes apply the same to their copies. */
export interface LoggedEntry {
  version: number;
  now: number;
  command: Command;
}

/**
 * Several nodes: the room's link to the others. Only the owner applies commands; the others send
 * theirs to it and follow what it stored.
 */
export interface RoomLink {
  /** The owner stored `entry`: tell the nodes that follow the room. */
  applied(gameId: string, entry: LoggedEntry): void;
  /** Sends a command to the owner; resolves with its reply once stored there (never rejects). */
  forward(gameId: string, command: Command): Promise<import('./room').RoomReply>;
}

export type AnswerEffect = Extract<Effect, { type: 'answerRecorded' }>;

/** Persistence. Every method returns at once; implementations batch and never throw into the room. */
export interface RoomStore {
  /**
   * Logs an accepted command (the state `version` it produced, the `now` it was applied at).
   * Resolves true once it is committed, false when it could not be stored; never rejects.
   */
  commandApplied(gameId: string, version: number, now: number, command: Command): Promise<boolean>;
  /**
   * Commits everything handed over so far without waiting for company; the room calls it at a
   * phase change, once the command's rows are all handed over, since everyone's view waits for it.
   */
  commitNow(): void;
  playerJoined(gameId: string, player: PlayerState): void;
  answerRecorded(gameId: string, answer: AnswerEffect, at: number, userId: string | undefined): void;
  playerKicked(gameId: string, playerId: string): void;
  started(gameId: string, at: number): void;
  /** Final scores and ranks (podium), or the state a room was closed in. */
  ended(gameId: string, state: GameState): void;
  /** Latest state for restoring after a restart; `urgent` at phase changes. */
  snapshot(gameId: string, state: GameState, lastActivity: number, urgent: boolean): void;
  /** The room is gone for good: drop its snapshot. */
  closed(gameId: string): void;
  /**
   * Another node owns the room now: drop this node's snapshots of it that are still waiting. why:
   * a snapshot written late by a node that lost its lease would overwrite the new owner's.
   */
  released(gameId: string): void;
  /**
   * Several nodes: this node owns the room under this fencing token (GameSession.ownerEpoch, raised
   * by each takeover); its writes of the room are refused once another node holds a newer one.
   */
  fence(gameId: string, epoch: number): void;
}

/** When a full fan-out (every player) started and finished (an observer's record, e.g. the benchmark's). */
export interface FanoutRecord {
  version: number;
  phase: GameState['phase'];
  current: number;
  /** Epoch ms of the command that changed the phase (the reducer's `now`). */
  startedAt: number;
  /** Epoch ms after the last player view was handed to the transport. */
  sentAt: number;
  players: number;
}

/** What a Room is built with (server/rooms/room.ts). */
export interface RoomDeps {
  hostId: string;
  transport: RoomTransport;
  store: RoomStore;
  clock: Clock;
  /** Several nodes: how commands reach the owner and applied ones reach the followers. Absent on one node. */
  link?: RoomLink;
  /** Least time between two host views while nothing but counts change (default 100 ms). */
  hostViewIntervalMs?: number;
  /** Told about every full fan-out this node makes. */
  onFanout?: (gameId: string, record: FanoutRecord) => void;
}
