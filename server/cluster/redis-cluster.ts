/**
 * What the nodes of one install share through Redis (docs/operations.md, "Several nodes"):
 * - owner leases: `sr:owner:<gameId>` = node id, set NX with a TTL and renewed while the node lives;
 * - the PIN directory: `sr:pin:<pin>` = game id, and the set `sr:rooms` of open game ids;
 * - each node's inbox channel `sr:node:<nodeId>` (commands forwarded to an owner, replies);
 * - each room's log channel `sr:log:<gameId>` (commands the owner stored, in order).
 *
 * why pub/sub and not streams: a message lost while a node's connection was down shows up as a
 * gap in a room's versions, and the database holds every stored command, so a follower that sees
 * a gap reloads the room from there. Nothing per player crosses Redis.
 */
import crypto from 'node:crypto';
import type { RedisConnections } from '../../src/server/redis/client';

export const keys = {
  owner: (gameId: string) => `sr:owner:${gameId}`,
  pin: (pin: string) => `sr:pin:${pin}`,
  rooms: 'sr:rooms',
  inbox: (nodeId: string) => `sr:node:${nodeId}`,
  log: (gameId: string) => `sr:log:${gameId}`,
};

/** Takes the lease when it is free or already ours; 1 when we hold it after. */
const CLAIM = `local v = redis.call('GET', KEYS[1])
if v == false or v == ARGV[1] then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;
/** Gives the lease up only when it is ours. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface ClusterOptions {
  /** How long a lease lasts without renewal: a dead owner's rooms are taken over after this. */
  leaseMs?: number;
  /** How often leases are renewed and orphaned rooms looked for. */
  tickMs?: number;
}

/**
 * How long a request waits on Redis before it goes on without it. why: while Redis is away the
 * client queues commands until it is back; a player's join must not wait that long.
 */
export const REDIS_WAIT_MS = 300;

/** `p`, or a rejection after `ms` (the command itself stays queued; its late answer is ignored). */
export function within<T>(p: Promise<T>, ms = REDIS_WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]);
}

export type InboxListener = (message: unknown) => void;
export type LogListener = (message: string) => void;

export class RedisCluster {
  readonly nodeId = `n-${crypto.randomBytes(6).toString('hex')}`;
  readonly leaseMs: number;
  readonly tickMs: number;
  private readonly logListeners = new Map<string, LogListener>();

  constructor(
    private readonly redis: RedisConnections,
    opts: ClusterOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? 3000;
    this.tickMs = opts.tickMs ?? 500;
  }

  /** Listens on this node's inbox. */
  async listen(onMessage: InboxListener): Promise<void> {
    await this.redis.sub.subscribe(keys.inbox(this.nodeId), (raw) => {
      let msg: unknown;
      try {
        msg = JSON.parse(raw);
      } catch {
        return;
      }
      onMessage(msg);
    });
  }

  /** Sends a message to one node's inbox (lost if that node is gone: callers time out). */
  send(nodeId: string, message: object): void {
    this.redis.cmd.publish(keys.inbox(nodeId), JSON.stringify(message)).catch(() => {});
  }

  // --- Leases ---------------------------------------------------------------------------------

  /** Takes (or keeps) the room's lease; true when this node holds it. */
  async claim(gameId: string): Promise<boolean> {
    const r = await this.redis.cmd.eval(CLAIM, { keys: [keys.owner(gameId)], arguments: [this.nodeId, String(this.leaseMs)] });
    return r === 1;
  }

  /** Which node owns the room now, if any. */
  async ownerOf(gameId: string): Promise<string | null> {
    return within(this.redis.cmd.get(keys.owner(gameId)));
  }

  async owners(gameIds: string[]): Promise<(string | null)[]> {
    if (!gameIds.length) return [];
    return this.redis.cmd.mGet(gameIds.map(keys.owner));
  }

  async release(gameId: string): Promise<void> {
    await this.redis.cmd.eval(RELEASE, { keys: [keys.owner(gameId)], arguments: [this.nodeId] }).catch(() => {});
  }

  /**
   * Renews the leases of the rooms this node owns and re-asserts their PINs and membership of the
   * open set. why re-assert: a Redis that restarted empty forgets them, and the owner is the one
   * that knows. Resolves with the rooms whose lease another node holds now (this node lost them).
   */
  async renew(owned: Array<{ gameId: string; pin: string }>): Promise<string[]> {
    if (!owned.length) return [];
    const multi = this.redis.cmd.multi();
    for (const r of owned) {
      multi.eval(CLAIM, { keys: [keys.owner(r.gameId)], arguments: [this.nodeId, String(this.leaseMs)] });
      multi.set(keys.pin(r.pin), r.gameId);
      multi.sAdd(keys.rooms, r.gameId);
    }
    const replies = await multi.exec();
    const lost: string[] = [];
    owned.forEach((r, i) => {
      if (Number(replies[i * 3]) !== 1) lost.push(r.gameId);
    });
    return lost;
  }

  // --- PINs and the open set ---------------------------------------------------------------------

  /** Reserves a PIN for a new room; false when another room holds it. */
  async reservePin(pin: string, gameId: string): Promise<boolean> {
    const r = await this.redis.cmd.set(keys.pin(pin), gameId, { condition: 'NX' });
    return r === 'OK';
  }

  async gameOfPin(pin: string): Promise<string | null> {
    return within(this.redis.cmd.get(keys.pin(pin)));
  }

  async opened(gameId: string): Promise<void> {
    await this.redis.cmd.sAdd(keys.rooms, gameId);
  }

  /** Adds rooms the database lists as open (a start after Redis lost its keys). */
  async openedAll(gameIds: string[]): Promise<void> {
    if (gameIds.length) await this.redis.cmd.sAdd(keys.rooms, gameIds);
  }

  /** The room is gone for good: forget its PIN (if still its own), lease and membership. */
  async closed(gameId: string, pin: string): Promise<void> {
    const multi = this.redis.cmd.multi();
    multi.eval(RELEASE, { keys: [keys.pin(pin)], arguments: [gameId] });
    multi.eval(RELEASE, { keys: [keys.owner(gameId)], arguments: [this.nodeId] });
    multi.sRem(keys.rooms, gameId);
    await multi.exec().catch(() => {});
  }

  /** A listed room turned out not to be open (closed while Redis was away): stop listing it. */
  async forget(gameId: string): Promise<void> {
    const multi = this.redis.cmd.multi();
    multi.sRem(keys.rooms, gameId);
    multi.eval(RELEASE, { keys: [keys.owner(gameId)], arguments: [this.nodeId] });
    await multi.exec().catch(() => {});
  }

  /** Open rooms nobody holds a lease on (their owner died or Redis restarted). */
  async orphans(): Promise<string[]> {
    const ids = await this.redis.cmd.sMembers(keys.rooms);
    const owners = await this.owners(ids);
    return ids.filter((_, i) => owners[i] === null);
  }

  // --- Room logs -------------------------------------------------------------------------------

  publishLog(gameId: string, message: object): void {
    this.redis.cmd.publish(keys.log(gameId), JSON.stringify(message)).catch(() => {});
  }

  async followLog(gameId: string, listener: LogListener): Promise<void> {
    if (this.logListeners.has(gameId)) return;
    this.logListeners.set(gameId, listener);
    await this.redis.sub.subscribe(keys.log(gameId), listener);
  }

  async unfollowLog(gameId: string): Promise<void> {
    if (!this.logListeners.delete(gameId)) return;
    await this.redis.sub.unsubscribe(keys.log(gameId)).catch(() => {});
  }

  /** Runs `fn` whenever the subscription connection is back after a drop (messages may be lost). */
  onResubscribed(fn: () => void): void {
    let wasDown = false;
    this.redis.sub.on('error', () => (wasDown = true));
    this.redis.sub.on('end', () => (wasDown = true));
    this.redis.sub.on('ready', () => {
      if (!wasDown) return;
      wasDown = false;
      fn();
    });
  }
}
