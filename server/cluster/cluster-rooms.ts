/**
 * Rooms across several nodes (REDIS_URL set), on the design in docs/operations.md:
 * - the node that opens a room owns it (a lease in Redis, renewed every tick);
 * - another node with sockets in the room follows it: it sends its commands to the owner and
 *   applies the owner's stored commands to its own copy, to build its own sockets' views;
 * - when an owner's lease lapses (the node died), a node takes the room over from the database,
 *   where every acknowledged command is, and carries on with the question's deadline as it was.
 */
import type { Command } from '../../src/core/game';
import type { AckError } from '../../src/core/protocol';
import type { DirectoryCluster, RoomDirectory } from '../rooms/directory';
import type { LoggedEntry, RoomLink } from '../rooms/ports';
import type { Room, RoomReply } from '../rooms/room';
import { within, type RedisCluster } from './redis-cluster';
import { RollCalls } from './roll-call';

/** A command sent to an owner waits this long for its reply. */
const FORWARD_TIMEOUT_MS = 5000;
/**
 * An owner drops a forwarded command older than this. why shorter than the timeout: the sender
 * has answered "send it again" by then, so applying it late would record what the player was told
 * was not recorded (clocks of the nodes must agree to within the difference).
 */
const FORWARD_EXPIRES_MS = 4000;

const SWITCHING: AckError = {
  ok: false,
  code: 'unavailable',
  message: 'The game is moving to another server; send it again in a moment.',
};

type LogMessage = { t: 'c'; node: string; v: number; now: number; cmd: Command } | { t: 'closed'; node: string; reason: string } | { t: 'owner'; node: string };

type InboxMessage =
  | { k: 'cmd'; id: string; from: string; gameId: string; cmd: Command; exp: number }
  | { k: 'close'; id: string; from: string; gameId: string; reason: string; exp: number }
  | { k: 'reply'; id: string; reply: RoomReply | { ok: false; code: 'not_owner'; message: string } }
  /** A follower's answer to a new owner's roll call (roll-call.ts). */
  | { k: 'present'; gameId: string; players: string[] };

export class ClusterRooms implements DirectoryCluster {
  readonly link: RoomLink;
  /** Game id -> the node that owns it, as last heard. */
  private readonly ownerOf = new Map<string, string>();
  private readonly waiting = new Map<string, { gameId: string; owner: string; done: (reply: (InboxMessage & { k: 'reply' }) | null) => void }>();
  /** Log messages that arrived while the room was being loaded. */
  private readonly early = new Map<string, LogMessage[]>();
  private readonly reloading = new Set<string>();
  private readonly rollCalls = new RollCalls();
  private timer: NodeJS.Timeout | null = null;
  private seq = 0;
  private ticking = false;

  constructor(
    private readonly redis: RedisCluster,
    private readonly rooms: RoomDirectory,
  ) {
    this.link = {
      applied: (gameId, entry) => this.applied(gameId, entry),
      forward: (gameId, command) => this.forward(gameId, command),
    };
  }

  get nodeId(): string {
    return this.redis.nodeId;
  }

  async start(openRoomIds: string[]): Promise<void> {
    await this.redis.listen((m) => this.onInbox(m as InboxMessage));
    // why: a Redis that restarted empty no longer lists the open rooms; the database still does.
    await this.redis.openedAll(openRoomIds);
    this.redis.onResubscribed(() => {
      for (const room of this.rooms.rooms()) if (!room.owner) void this.resync(room.gameId);
    });
    this.timer = setInterval(() => void this.tick(), this.redis.tickMs);
    this.timer.unref();
    await this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.rollCalls.stop();
  }

  /** Gives up this node's leases (clean shutdown, after every room's writes are stored). */
  async release(gameIds: string[]): Promise<void> {
    await within(Promise.all(gameIds.map((id) => this.redis.release(id))), 2000).catch(() => {});
  }

  // --- DirectoryCluster ------------------------------------------------------------------------

  gameOfPin(pin: string): Promise<string | null> {
    return this.redis.gameOfPin(pin);
  }

  reservePin(pin: string, gameId: string): Promise<boolean> {
    return this.redis.reservePin(pin, gameId);
  }

  async owned(room: Room): Promise<void> {
    if (!(await this.redis.claim(room.gameId))) throw new Error(`room ${room.gameId}: another node holds its lease`);
    await this.redis.opened(room.gameId);
  }

  async follow(gameId: string, room: () => Room | undefined): Promise<void> {
    this.early.set(gameId, []);
    // why not wait for Redis when it is away: the subscription is made once it is back, and the
    // room is reloaded then (onResubscribed); a player's join goes on meanwhile.
    await within(this.redis.followLog(gameId, (raw) => {
      let msg: LogMessage;
      try {
        msg = JSON.parse(raw) as LogMessage;
      } catch {
        return;
      }
      const r = room();
      const early = this.early.get(gameId);
      if (!r && early) early.push(msg);
      else if (r) this.onLog(r, msg);
    })).catch(() => {});
  }

  /** The room is loaded: apply what arrived meanwhile. */
  caughtUp(room: Room): void {
    const early = this.early.get(room.gameId) ?? [];
    this.early.delete(room.gameId);
    for (const msg of early) this.onLog(room, msg);
  }

  closed(room: Room, reason: string): void {
    const { gameId } = room;
    this.early.delete(gameId);
    void this.redis.unfollowLog(gameId);
    if (reason === 'dropped' || reason === 'gone' || !room.owner) return;
    this.redis.publishLog(gameId, { t: 'closed', node: this.nodeId, reason });
    void this.redis.closed(gameId, room.pin);
  }

  async closeRemote(room: Room, reason: string): Promise<boolean> {
    const reply = await this.request(room.gameId, (id, owner) => {
      this.redis.send(owner, { k: 'close', id, from: this.nodeId, gameId: room.gameId, reason, exp: Date.now() + FORWARD_EXPIRES_MS });
    });
    return reply.ok;
  }

  // --- RoomLink --------------------------------------------------------------------------------

  private applied(gameId: string, entry: LoggedEntry): void {
    this.redis.publishLog(gameId, { t: 'c', node: this.nodeId, v: entry.version, now: entry.now, cmd: entry.command });
  }

  private forward(gameId: string, cmd: Command): Promise<RoomReply> {
    return this.request(gameId, (id, owner) => {
      this.redis.send(owner, { k: 'cmd', id, from: this.nodeId, gameId, cmd, exp: Date.now() + FORWARD_EXPIRES_MS });
    });
  }

  /**
   * Sends a request to the room's owner and waits for its reply; asks Redis who the owner is
   * when it moved, and answers "send it again" when no owner answers in time (mid-takeover).
   */
  private async request(gameId: string, send: (id: string, owner: string) => void): Promise<RoomReply> {
    const deadline = Date.now() + FORWARD_TIMEOUT_MS;
    while (Date.now() < deadline) {
      let owner: string | null | undefined = this.ownerOf.get(gameId);
      if (!owner) {
        owner = await this.redis.ownerOf(gameId).catch(() => null);
        if (owner) this.ownerOf.set(gameId, owner);
      }
      if (!owner) {
        await sleep(200);
        continue;
      }
      const local = owner === this.nodeId ? this.rooms.get(gameId) : undefined;
      if (local?.owner) return SWITCHING; // taken over here while the caller was waiting: the caller retries on this node
      const id = `${this.nodeId}:${++this.seq}`;
      const reply = await new Promise<(InboxMessage & { k: 'reply' })['reply'] | null>((resolve) => {
        const timer = setTimeout(() => (this.waiting.delete(id), resolve(null)), Math.max(0, deadline - Date.now()));
        const done = (m: (InboxMessage & { k: 'reply' }) | null) => (clearTimeout(timer), this.waiting.delete(id), resolve(m?.reply ?? null));
        this.waiting.set(id, { gameId, owner: owner!, done });
        send(id, owner!);
      });
      if (!reply) return SWITCHING;
      if (!reply.ok && reply.code === 'not_owner') {
        this.ownerOf.delete(gameId);
        await sleep(100);
        continue;
      }
      return reply as RoomReply;
    }
    return SWITCHING;
  }

  private onInbox(m: InboxMessage): void {
    if (!m || typeof m !== 'object') return;
    if (m.k === 'reply') {
      this.waiting.get(m.id)?.done(m);
      return;
    }
    if (m.k === 'present') {
      this.rollCalls.present(m.gameId, m.players);
      return;
    }
    if (m.k !== 'cmd' && m.k !== 'close') return;
    const room = this.rooms.get(m.gameId);
    const answer = (reply: (InboxMessage & { k: 'reply' })['reply']) => this.redis.send(m.from, { k: 'reply', id: m.id, reply });
    if (!room?.owner || room.closed) {
      answer({ ok: false, code: 'not_owner', message: 'Not the owner.' });
      return;
    }
    if (Date.now() > m.exp) return; // the sender has given up on it
    if (m.k === 'close') {
      void this.rooms.close(room, m.reason as 'closed').then(() => answer({ ok: true, version: room.state.version }));
      return;
    }
    void room.dispatch(m.cmd).then((reply) => {
      this.rollCalls.command(room.gameId, m.cmd, reply);
      answer(reply);
    });
  }

  private onLog(room: Room, msg: LogMessage): void {
    if (msg.node && this.ownerOf.get(room.gameId) !== msg.node) this.ownerChanged(room.gameId, msg.node);
    if (msg.t === 'owner' && msg.node !== this.nodeId) {
      this.redis.send(msg.node, { k: 'present', gameId: room.gameId, players: room.localPlayers() });
      return;
    }
    if (msg.t === 'closed') {
      if (!room.owner) this.rooms.closeHere(room, msg.reason);
      return;
    }
    if (msg.t !== 'c' || room.owner) return;
    if (!room.follow({ version: msg.v, now: msg.now, command: msg.cmd })) void this.resync(room.gameId);
  }

  /**
   * Another node owns the room now. Requests still waiting on the old owner will never be answered
   * (it died, or lost its lease): their senders hear "send it again" now rather than at the timeout.
   * why not resend them: the old owner may have stored one before it went, and only some commands
   * are safe to apply twice.
   */
  private ownerChanged(gameId: string, node: string): void {
    this.ownerOf.set(gameId, node);
    for (const w of [...this.waiting.values()]) if (w.gameId === gameId && w.owner !== node) w.done(null);
  }

  /** A follower missed a message: load the room as stored. */
  private async resync(gameId: string): Promise<void> {
    if (this.reloading.has(gameId)) return;
    this.reloading.add(gameId);
    try {
      const loaded = await this.rooms.reload(gameId);
      const room = this.rooms.get(gameId);
      if (!room || room.owner) return;
      if (loaded) room.reset(loaded.state, loaded.lastActivity);
      else this.rooms.closeHere(room, 'closed');
    } catch (err) {
      console.error(`room ${gameId}: could not reload it`, err);
    } finally {
      this.reloading.delete(gameId);
    }
  }

  /**
   * Another node owns the room now (this node's lease lapsed, or the database refused its writes
   * because another node holds a newer fencing token): this copy follows it from the database.
   */
  async stepDown(gameId: string): Promise<void> {
    const room = this.rooms.get(gameId);
    if (!room?.owner) return;
    console.warn(`room ${gameId}: another node owns it now; following it`);
    room.demote();
    this.ownerOf.delete(gameId);
    await this.redis.followLog(gameId, (raw) => this.onLog(room, JSON.parse(raw) as LogMessage)).catch(() => {});
    void this.resync(gameId);
  }

  /** Renews this node's leases, steps down where another node took over, and takes over orphans. */
  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      const owned = [...this.rooms.rooms()].filter((r) => r.owner && !r.closed);
      const lost = await this.redis.renew(owned.map((r) => ({ gameId: r.gameId, pin: r.pin })));
      for (const gameId of lost) await this.stepDown(gameId);
      for (const gameId of await this.redis.orphans()) {
        if (!(await this.redis.claim(gameId))) continue;
        const room = await this.rooms.takeOver(gameId).catch((err) => {
          console.error(`room ${gameId}: takeover failed`, err);
          return null;
        });
        if (!room) {
          await this.redis.forget(gameId);
          continue;
        }
        this.ownerChanged(gameId, this.nodeId);
        await this.redis.unfollowLog(gameId);
        this.rollCalls.start(room);
        this.redis.publishLog(gameId, { t: 'owner', node: this.nodeId });
        console.log(`room ${gameId}: taken over by this node (${this.nodeId})`);
      }
    } catch (err) {
      console.error(`cluster: ${String((err as Error)?.message ?? err)}`);
    } finally {
      this.ticking = false;
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
