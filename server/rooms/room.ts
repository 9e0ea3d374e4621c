/**
 * One live room on this node: a copy of the game state, the sockets of this node that show it,
 * and an interpreter of the reducer's effects. The reducer decides everything; the room only
 * carries its effects out through the ports (transport, store, clock, link).
 *
 * A room is the room's owner here (commands are applied in order, stored, then announced) or,
 * with several nodes, a follower: it sends commands to the owner and applies the owner's stored
 * commands to its own copy, in order, so it can build the views of its own sockets.
 */
import { MAX_LATENCY_ALLOWANCE_MS, playerList, reduce, viewForHost, type Command, type Effect, type GameState, type OkReply, type Reply } from '../../src/core/game';
import type { AckError, RoomClosedReason } from '../../src/core/protocol';
import { CatchUp } from './catch-up';
import { HostViewPacer } from './host-view-pacer';
import { storeEffects } from './store-effects';
import type { FanoutRecord, LoggedEntry, RoomDeps } from './ports';
import { PlayerViewCache } from './view-cache';

export type RoomReply = OkReply | AckError;

export type { FanoutRecord, RoomDeps } from './ports';

const CLOSED: AckError = { ok: false, code: 'room_not_found', message: 'This room has closed.' };
const NOT_STORED: AckError = { ok: false, code: 'internal', message: 'That could not be saved; try again.' };

export class Room {
  readonly hostId: string;
  state: GameState;
  lastActivity: number;
  closed = false;
  /** Whether this node applies the room's commands (true on one node). */
  owner: boolean;

  private queue: Promise<unknown> = Promise.resolve();
  /** Commit of the last command applied: true once stored, false when it could not be. */
  private lastCommit: Promise<boolean> = Promise.resolve(true);
  /** playerId -> ids of this node's sockets currently showing that player. */
  private readonly live = new Map<string, Set<string>>();
  private readonly host: HostViewPacer;
  private readonly views = new PlayerViewCache();
  /** Follower: callers waiting for the copy to reach a version. */
  private readonly catchUp: CatchUp;
  /** Owner: cancels the open question's timers when another node takes the room over. */
  private timers: Array<() => void> = [];

  constructor(
    state: GameState,
    private readonly deps: RoomDeps,
    opts: { owner?: boolean } = {},
  ) {
    this.state = state;
    this.hostId = deps.hostId;
    this.lastActivity = deps.clock.now();
    this.host = new HostViewPacer(deps.clock, deps.hostViewIntervalMs ?? 100, () => {
      if (!this.closed) deps.transport.toHost(this.gameId, viewForHost(this.state, deps.clock.now()));
    });
    this.owner = opts.owner ?? true;
    this.catchUp = new CatchUp(deps.clock);
  }

  get gameId(): string {
    return this.state.gameId;
  }
  get pin(): string {
    return this.state.pin;
  }

  /**
   * Runs `fn` as the next step of the room's queue (owner only). Steps never overlap, so `fn`
   * sees the state no other command can change underneath it; use `apply` inside it to run
   * commands. Resolves once every command the step applied is stored (acks go out only then);
   * rejects when one could not be stored. why not wait inside the queue: the next commands need
   * not wait for this one's disk write, only its sender's ack does.
   */
  run<T>(fn: () => T): Promise<T> {
    const step = this.queue.then(() => ({ value: fn(), commit: this.lastCommit }));
    // why: one failing step must not poison the queue for the steps behind it.
    this.queue = step.catch((err) => console.error(`room ${this.gameId}: step failed`, err));
    return step.then(async ({ value, commit }) => {
      if (!(await commit)) {
        // why: the room has moved on past a command its log lacks, and replay stops at such a gap;
        // a snapshot of the room as it is now covers it, so a restart still finds every later command.
        if (!this.closed && this.owner) this.deps.store.snapshot(this.gameId, this.state, this.lastActivity, true);
        throw new Error(`room ${this.gameId}: a command could not be stored`);
      }
      return value;
    });
  }

  /**
   * Sends one command; resolves with the reducer's reply once the command is stored. On the owner
   * it is queued here; on a follower it goes to the owner, and the reply waits until this node's
   * copy has applied the command (so a view built right after shows it).
   */
  async dispatch(cmd: Command): Promise<RoomReply> {
    if (this.closed) return CLOSED;
    if (this.owner) return this.run(() => this.apply(cmd)).catch(() => NOT_STORED);
    const reply = await this.deps.link!.forward(this.gameId, cmd);
    if (reply.ok && !(await this.catchUp.until(this.state.version, reply.version))) {
      return { ok: false, code: 'unavailable', message: 'The game did not answer in time; send it again.' };
    }
    return reply;
  }

  /** Applies a command now (owner). Only call it from inside `run` (or `dispatch`). */
  apply(cmd: Command): RoomReply {
    if (this.closed) return CLOSED;
    // why: with several nodes, another node's last socket of a player going away says nothing
    // about this node's sockets of that player (two tabs, or a phone that moved node).
    if (cmd.type === 'connection' && !cmd.connected && this.live.has(cmd.playerId)) return { ok: true, version: this.state.version };
    const now = this.deps.clock.now();
    const prev = this.state;
    const { state, effects, reply } = reduce(prev, cmd, now);
    if (!reply.ok) return reply as Reply as AckError;
    this.state = state;
    if (cmd.actor.role !== 'system') this.lastActivity = now;

    const commit = this.deps.store.commandApplied(this.gameId, state.version, now, cmd);
    this.lastCommit = commit;
    const entry: LoggedEntry = { version: state.version, now, command: cmd };
    // why after the commit: no other node may show a state that a crash could still take back.
    if (this.deps.link) void commit.then((stored) => stored && this.deps.link!.applied(this.gameId, entry));
    this.store(effects, now);
    // why after the commit: nobody may see a state (a reveal, a score) that a crash could still take back.
    // why a turn later with followers: the Redis client writes on the next turn of the event loop,
    // and this node's own fan-out would otherwise hold the other nodes' copy of the command back.
    // why now: the part of the views every player shares (1-3 ms at 1,000 players) is built while
    // the commit is on its way, instead of after it, in front of every player's view.
    const everyone = effects.some((e) => e.type === 'broadcast' && e.audience.players === 'all');
    if (everyone && this.live.size > 0) this.views.batch(state, now);
    const show = () => this.show(effects, prev, state, now);
    void commit.then(() => (this.deps.link ? this.deps.clock.at(this.deps.clock.now(), show) : show()));
    return reply as OkReply;
  }

  /** The effects only the owner carries out: timers and the database. */
  private store(effects: Effect[], now: number): void {
    for (const effect of effects) {
      if (effect.type === 'schedule') this.timers.push(this.deps.clock.at(effect.at, () => void this.dispatch(effect.command)));
    }
    storeEffects(this.deps.store, this.state, effects, now, this.lastActivity);
  }

  /** The effects every node carries out for its own sockets, once the command is stored. */
  private show(effects: Effect[], prev: GameState, state: GameState, now: number): void {
    if (this.closed) return;
    const { transport } = this.deps;
    for (const effect of effects) {
      switch (effect.type) {
        case 'playerKicked':
          this.live.delete(effect.playerId);
          transport.kicked(this.gameId, effect.playerId);
          break;
        case 'seatMoved':
          this.live.delete(effect.playerId);
          transport.seatMoved(this.gameId, effect.playerId);
          break;
        case 'seatAnswered': {
          // why after the commit: the new token must not be handed out before the move is stored.
          const { requestId, granted, token } = effect;
          transport.seatAnswered(this.gameId, requestId, token ? { granted, token } : { granted });
          break;
        }
        case 'broadcast':
          this.fanout(effect.audience, state, now, prev);
          break;
      }
    }
  }

  /**
   * Follower: applies a command the owner stored. Returns false when it does not follow on from
   * this copy (a message was lost), so the caller reloads the room.
   */
  follow(entry: LoggedEntry): boolean {
    if (this.closed || this.owner) return true;
    if (entry.version <= this.state.version) return true;
    if (entry.version !== this.state.version + 1) return false;
    const prev = this.state;
    const { state, effects, reply } = reduce(prev, entry.command, entry.now);
    if (!reply.ok) return false;
    this.state = state;
    if (entry.command.actor.role !== 'system') this.lastActivity = entry.now;
    this.show(effects, prev, state, entry.now);
    this.catchUp.reached(state.version);
    const cmd = entry.command;
    // why: the owner cannot know this node still shows the player (see apply); say so.
    if (cmd.type === 'connection' && !cmd.connected && this.live.has(cmd.playerId)) {
      void this.dispatch({ type: 'connection', playerId: cmd.playerId, connected: true, actor: { role: 'system' } });
    }
    return true;
  }

  /** Follower: the copy is replaced by one loaded afresh (a lost message, or the room was taken over). */
  reset(state: GameState, lastActivity: number): void {
    const prev = this.state;
    this.state = state;
    this.lastActivity = Math.max(this.lastActivity, lastActivity);
    if (state.version !== prev.version) this.fanout({ players: 'all' }, state, this.deps.clock.now(), prev);
    this.catchUp.reached(state.version);
  }

  /** This node now applies the room's commands, from `state` (loaded from the database). */
  promote(state: GameState, lastActivity: number): void {
    this.reset(state, lastActivity);
    this.owner = true;
    this.queue = Promise.resolve();
    this.lastCommit = Promise.resolve(true);
    this.catchUp.cancelAll();
    this.rearm();
  }

  /** Another node applies the room's commands now: this copy follows it. */
  demote(): void {
    this.owner = false;
    this.deps.store.released(this.gameId);
    for (const cancel of this.timers) cancel();
    this.timers = [];
  }

  private fanout(audience: Extract<Effect, { type: 'broadcast' }>['audience'], state: GameState, now: number, prev: GameState): void {
    if (this.closed) return;
    const { transport } = this.deps;
    if (audience.players === 'all') {
      transport.toPlayers(this.gameId, this.live, this.views.batch(state, now));
      const sentAt = this.deps.clock.now();
      // why: the host view lists every player (tens of kB at 1,000 players); it goes out after
      // the small player views so no phone waits for it. The projector gets it milliseconds later.
      this.host.changed(true);
      this.deps.onFanout?.(this.gameId, { version: state.version, phase: state.phase, current: state.current, startedAt: now, sentAt, players: this.live.size });
      return;
    }
    // Answers arriving wait for the pacer; a lock or a seat request shows at once.
    this.host.changed(prev.locked !== state.locked || (prev.seatRequests?.length ?? 0) !== (state.seatRequests?.length ?? 0));
    if (audience.players !== 'one') return;
    const sockets = this.live.get(audience.playerId);
    if (sockets) transport.toPlayers(this.gameId, [[audience.playerId, sockets]], this.views.batch(state, now));
  }

  /** The current view for one player (ack payloads, rejoins). */
  playerView(playerId: string) {
    return this.views.view(this.state, playerId, this.deps.clock.now());
  }
  hostView() {
    return viewForHost(this.state, this.deps.clock.now());
  }

  /** A socket of this node now shows `playerId`; true when it is the player's first live socket here. */
  attachPlayer(playerId: string, socketId: string): boolean {
    let set = this.live.get(playerId);
    const first = !set || set.size === 0;
    if (!set) this.live.set(playerId, (set = new Set()));
    set.add(socketId);
    return first;
  }

  /** The players this node has a socket for. */
  localPlayers(): string[] {
    return [...this.live.keys()];
  }

  /**
   * Owner, after taking the room over from a node that went away: the players shown connected
   * that no node holds a socket for (`heldElsewhere` and this node's own) were on that node and
   * have not come back, so they are stored as disconnected, as a restart of one node does.
   * why it matters beyond the host's list: a question closes early only once every connected
   * player has answered.
   */
  async markAbsent(heldElsewhere: ReadonlySet<string>): Promise<number> {
    if (!this.owner || this.closed) return 0;
    return this.run(() => {
      let marked = 0;
      for (const p of playerList(this.state.players)) {
        if (!p.connected || p.kicked || this.live.has(p.id) || heldElsewhere.has(p.id)) continue;
        if (this.apply({ type: 'connection', playerId: p.id, connected: false, actor: { role: 'system' } }).ok) marked++;
      }
      return marked;
    });
  }

  /** A socket left; true when it was the player's last one on this node. */
  detachPlayer(playerId: string, socketId: string): boolean {
    const set = this.live.get(playerId);
    if (!set || !set.delete(socketId)) return false;
    if (set.size > 0) return false;
    this.live.delete(playerId);
    return true;
  }

  hostAttached(delta: 1 | -1): void {
    this.host.attached(delta);
  }

  get liveHostSockets(): number {
    return this.host.liveSockets;
  }
  get livePlayerCount(): number {
    return this.live.size;
  }

  /**
   * Ends the room for good: tells this node's sockets, and as the owner stores what is known and
   * tells the other nodes.
   */
  close(reason: RoomClosedReason): void {
    if (this.closed) return;
    this.closed = true;
    this.deps.clock.clear();
    this.host.stop();
    this.deps.transport.closed(this.gameId, reason);
    this.catchUp.cancelAll();
    if (this.owner) {
      if (this.state.phase !== 'podium') this.deps.store.ended(this.gameId, this.state);
      this.deps.store.closed(this.gameId);
    }
    this.live.clear();
  }

  /**
   * After a restore or a takeover the old owner's timers are gone: re-arm the open question's
   * timeout and its reconnect grace, at the same absolute times (at once if past).
   */
  rearm(): void {
    const s = this.state;
    if (s.phase !== 'question' || s.deadline === null) return;
    const questionIndex = s.current;
    this.timers.push(
      this.deps.clock.at(s.deadline + MAX_LATENCY_ALLOWANCE_MS, () =>
        void this.dispatch({ type: 'timeout', questionIndex, actor: { role: 'system' } }),
      ),
    );
    if (s.graceUntil) {
      this.timers.push(this.deps.clock.at(s.graceUntil, () => void this.dispatch({ type: 'graceOver', questionIndex, actor: { role: 'system' } })));
    }
  }

  /** Stops timers without telling anyone (server shutdown: the room is restored at the next start). */
  suspend(): void {
    this.closed = true;
    this.deps.clock.clear();
    this.host.stop();
    this.catchUp.cancelAll();
    if (this.owner) this.deps.store.snapshot(this.gameId, this.state, this.lastActivity, true);
  }
}
