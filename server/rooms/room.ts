/**
 * One live room: the game state, a queue that feeds commands to the pure reducer one at a time,
 * and the effects carried out through the ports (transport, store, clock).
 */
import { audienceFor, MAX_LATENCY_ALLOWANCE_MS, reduce, viewForHost, type Command, type GameState, type OkReply, type Reply } from '../../src/core/game';
import type { AckError, RoomClosedReason } from '../../src/core/protocol';
import type { Clock } from './clock';
import type { RoomStore, RoomTransport } from './ports';
import { PlayerViewCache } from './view-cache';

export type RoomReply = OkReply | AckError;

export interface RoomDeps {
  hostId: string;
  transport: RoomTransport;
  store: RoomStore;
  clock: Clock;
  /** Least time between two host views while nothing but counts change (default 100 ms). */
  hostViewIntervalMs?: number;
}

/** When a full fan-out (every player) started and finished; read by the benchmark. */
export interface FanoutRecord {
  version: number;
  phase: GameState['phase'];
  current: number;
  /** Epoch ms at which the command was dequeued (the reducer's `now`). */
  startedAt: number;
  /** Epoch ms after the last player view was handed to the transport. */
  sentAt: number;
  players: number;
}

const CLOSED: AckError = { ok: false, code: 'room_not_found', message: 'This room has closed.' };
const NOT_STORED: AckError = { ok: false, code: 'internal', message: 'That could not be saved; try again.' };

export class Room {
  readonly hostId: string;
  state: GameState;
  lastActivity: number;
  closed = false;
  readonly fanouts: FanoutRecord[] = [];

  private queue: Promise<unknown> = Promise.resolve();
  /** Commit of the last command applied: true once stored, false when it could not be. */
  private lastCommit: Promise<boolean> = Promise.resolve(true);
  /** playerId -> ids of the sockets currently showing that player. */
  private readonly live = new Map<string, Set<string>>();
  private hostSockets = 0;
  private hostTimer: NodeJS.Timeout | null = null;
  private lastHostSent = 0;
  private readonly hostInterval: number;
  private readonly views = new PlayerViewCache();

  constructor(
    state: GameState,
    private readonly deps: RoomDeps,
  ) {
    this.state = state;
    this.hostId = deps.hostId;
    this.lastActivity = deps.clock.now();
    this.hostInterval = deps.hostViewIntervalMs ?? 100;
  }

  get gameId(): string {
    return this.state.gameId;
  }
  get pin(): string {
    return this.state.pin;
  }

  /**
   * Runs `fn` as the next step of the room's queue. Steps never overlap, so `fn` sees the state
   * no other command can change underneath it; use `apply` inside it to run commands. Resolves
   * once every command the step applied is stored (acks go out only then); rejects when one
   * could not be stored. why not wait inside the queue: the next commands need not wait for this
   * one's disk write, only its sender's ack does.
   */
  run<T>(fn: () => T): Promise<T> {
    const step = this.queue.then(() => ({ value: fn(), commit: this.lastCommit }));
    // why: one failing step must not poison the queue for the steps behind it.
    this.queue = step.catch((err) => console.error(`room ${this.gameId}: step failed`, err));
    return step.then(async ({ value, commit }) => {
      if (!(await commit)) {
        // why: the room has moved on past a command its log lacks, and replay stops at such a gap;
        // a snapshot of the room as it is now covers it, so a restart still finds every later command.
        if (!this.closed) this.deps.store.snapshot(this.gameId, this.state, this.lastActivity, true);
        throw new Error(`room ${this.gameId}: a command could not be stored`);
      }
      return value;
    });
  }

  /** Queues one command; resolves with the reducer's reply once the command is stored. */
  dispatch(cmd: Command): Promise<RoomReply> {
    return this.run(() => this.apply(cmd)).catch(() => NOT_STORED);
  }

  /** Applies a command now. Only call it from inside `run` (or `dispatch`). */
  apply(cmd: Command): RoomReply {
    if (this.closed) return CLOSED;
    const now = this.deps.clock.now();
    const prev = this.state;
    const { state, effects, reply } = reduce(prev, cmd, now);
    if (!reply.ok) return reply as Reply as AckError;
    this.state = state;
    if (cmd.actor.role !== 'system') this.lastActivity = now;

    const { store, transport } = this.deps;
    const commit = store.commandApplied(this.gameId, state.version, now, cmd);
    this.lastCommit = commit;
    // why first: a game ended from the lobby must be stored as started, then ended, never the other way round.
    if (prev.phase === 'lobby' && state.phase !== 'lobby') store.started(this.gameId, now);
    for (const effect of effects) {
      switch (effect.type) {
        case 'schedule':
          this.deps.clock.at(effect.at, () => void this.dispatch(effect.command));
          break;
        case 'answerRecorded':
          store.answerRecorded(this.gameId, effect, now, state.players[effect.playerId]?.userId);
          break;
        case 'playerKicked': {
          this.live.delete(effect.playerId);
          store.playerKicked(this.gameId, effect.playerId);
          const playerId = effect.playerId;
          void commit.then(() => transport.kicked(this.gameId, playerId));
          break;
        }
        case 'gameEnded':
          store.ended(this.gameId, state);
          break;
        case 'seatMoved': {
          this.live.delete(effect.playerId);
          const playerId = effect.playerId;
          void commit.then(() => transport.seatMoved(this.gameId, playerId));
          break;
        }
        case 'seatAnswered': {
          // why after the commit: the new token must not be handed out before the move is stored.
          const { requestId, granted, token } = effect;
          void commit.then(() => transport.seatAnswered(this.gameId, requestId, token ? { granted, token } : { granted }));
          break;
        }
        case 'broadcast':
          // why after the commit: nobody may see a state (a reveal, a score) that a crash could still take back.
          void commit.then(() => this.fanout(prev, state, cmd, now));
          break;
      }
    }
    if (cmd.type === 'join' && !reply.rejoined) store.playerJoined(this.gameId, state.players[cmd.playerId]!);
    const phaseChanged = state.phaseVersion !== prev.phaseVersion;
    // why not after answers: the log restores them, and the next phase change's snapshot covers
    // them; a 1,000-player snapshot costs ~10 ms of CPU, and acks queued behind it would wait.
    if (phaseChanged || cmd.type === 'join' || cmd.type === 'kick' || cmd.type === 'lock' || cmd.type === 'unlock') {
      store.snapshot(this.gameId, state, this.lastActivity, phaseChanged);
    }
    // why now: every player's view of a new phase waits for this commit; a timer would add its delay to all of them.
    if (phaseChanged) store.commitNow();
    return reply as OkReply;
  }

  private fanout(prev: GameState, state: GameState, cmd: Command, now: number): void {
    if (this.closed) return;
    const audience = audienceFor(prev, state, cmd);
    const { transport } = this.deps;
    if (audience.players === 'all') {
      transport.toPlayers(this.gameId, this.live, this.views.batch(state, now));
      const sentAt = Date.now();
      // why: the host view lists every player (tens of kB at 1,000 players); it goes out after
      // the small player views so no phone waits for it. The projector gets it milliseconds later.
      this.sendHost(true);
      this.fanouts.push({ version: state.version, phase: state.phase, current: state.current, startedAt: now, sentAt, players: this.live.size });
      if (this.fanouts.length > 100) this.fanouts.shift();
      return;
    }
    // why: a phase-less change (answers arriving) only moves the host's counters; sending the
    // host one view per answer at 1,000 answers a second would be pure waste, so coalesce.
    this.sendHost(cmd.actor.role === 'host');
    if (audience.players !== 'one') return;
    const sockets = this.live.get(audience.playerId);
    if (sockets) transport.toPlayers(this.gameId, [[audience.playerId, sockets]], this.views.batch(state, now));
  }

  private sendHost(now: boolean): void {
    if (this.hostSockets === 0 || this.closed) return;
    const elapsed = Date.now() - this.lastHostSent;
    if (now || elapsed >= this.hostInterval) {
      if (this.hostTimer) clearTimeout(this.hostTimer);
      this.hostTimer = null;
      this.lastHostSent = Date.now();
      this.deps.transport.toHost(this.gameId, viewForHost(this.state, this.deps.clock.now()));
      return;
    }
    if (!this.hostTimer) {
      this.hostTimer = setTimeout(() => {
        this.hostTimer = null;
        this.sendHost(true);
      }, this.hostInterval - elapsed);
    }
  }

  /** The current view for one player (ack payloads, rejoins). */
  playerView(playerId: string) {
    return this.views.view(this.state, playerId, this.deps.clock.now());
  }
  hostView() {
    return viewForHost(this.state, this.deps.clock.now());
  }

  /** A socket now shows `playerId`; true when it is the player's first live socket. */
  attachPlayer(playerId: string, socketId: string): boolean {
    let set = this.live.get(playerId);
    const first = !set || set.size === 0;
    if (!set) this.live.set(playerId, (set = new Set()));
    set.add(socketId);
    return first;
  }

  /** A socket left; true when it was the player's last one (the player is now disconnected). */
  detachPlayer(playerId: string, socketId: string): boolean {
    const set = this.live.get(playerId);
    if (!set || !set.delete(socketId)) return false;
    if (set.size > 0) return false;
    this.live.delete(playerId);
    return true;
  }

  hostAttached(delta: 1 | -1): void {
    this.hostSockets = Math.max(0, this.hostSockets + delta);
  }

  get liveHostSockets(): number {
    return this.hostSockets;
  }
  get livePlayerCount(): number {
    return this.live.size;
  }

  /** Ends the room for good: tells everyone, stores what is known, stops its timers. */
  close(reason: RoomClosedReason): void {
    if (this.closed) return;
    this.closed = true;
    this.deps.clock.clear();
    if (this.hostTimer) clearTimeout(this.hostTimer);
    this.deps.transport.closed(this.gameId, reason);
    if (this.state.phase !== 'podium') this.deps.store.ended(this.gameId, this.state);
    this.deps.store.closed(this.gameId);
    this.live.clear();
  }

  /**
   * After a restore the old process's timers are gone: re-arm the open question's timeout and
   * its reconnect grace, at the same absolute times (at once if past).
   */
  rearm(): void {
    const s = this.state;
    if (s.phase !== 'question' || s.deadline === null) return;
    const questionIndex = s.current;
    this.deps.clock.at(s.deadline + MAX_LATENCY_ALLOWANCE_MS, () =>
      void this.dispatch({ type: 'timeout', questionIndex, actor: { role: 'system' } }),
    );
    if (s.graceUntil) {
      this.deps.clock.at(s.graceUntil, () => void this.dispatch({ type: 'graceOver', questionIndex, actor: { role: 'system' } }));
    }
  }

  /** Stops timers without telling anyone (server shutdown: the room is restored at the next start). */
  suspend(): void {
    this.closed = true;
    this.deps.clock.clear();
    if (this.hostTimer) clearTimeout(this.hostTimer);
    this.deps.store.snapshot(this.gameId, this.state, this.lastActivity, true);
  }
}
