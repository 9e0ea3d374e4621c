/**
 * The rooms this node holds, by game id and by PIN; creates, restores and expires them. On one
 * node every room is here and owned here. With several nodes (server/cluster/) a room is owned by
 * one node and followed by the others that have sockets in it; the cluster finds rooms this node
 * does not hold yet and keeps owners and followers in step.
 */
import { createGame, replay, type GameSettings, type GameState } from '../../src/core/game';
import type { Db } from '../../src/server/db';
import { createGameSession, loadOpenSessions, takeRoomOwnership, type HostableDeck, type OpenSession } from '../../src/server/games';
import { TimerClock } from './clock';
import { newId, newPin, newSeed } from './ids';
import type { RoomLink, RoomStore, RoomTransport } from './ports';
import { Room, type FanoutRecord } from './room';

export interface DirectoryOptions {
  /** A room with no command from a person for this long is closed (default 2 h). */
  idleMs?: number;
  /** A finished room (podium) is closed after this long (default 30 min). */
  endedMs?: number;
  sweepEveryMs?: number;
  onFanout?: (gameId: string, record: FanoutRecord) => void;
}

/** What the directory needs from the cluster (server/cluster/cluster-rooms.ts); absent on one node. */
export interface DirectoryCluster {
  link: RoomLink;
  /** The game id a PIN belongs to on any node. */
  gameOfPin(pin: string): Promise<string | null>;
  /** Takes a new room's PIN for this node; false when another room holds it. */
  reservePin(pin: string, gameId: string): Promise<boolean>;
  /** A room this node created and owns. */
  owned(room: Room): Promise<void>;
  /** Starts following a room another node owns (its log); resolves once subscribed. */
  follow(gameId: string, room: () => Room | undefined): Promise<void>;
  /** A followed room is loaded: apply the commands that arrived while it was. */
  caughtUp(room: Room): void;
  /** This node closed a room it owns, or dropped one it followed. */
  closed(room: Room, reason: string): void;
  /** Asks the owner to close a room this node only follows. */
  closeRemote(room: Room, reason: string): Promise<boolean>;
}

export class RoomDirectory {
  private readonly byId = new Map<string, Room>();
  private readonly byPin = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room | undefined>>();
  private sweeper: NodeJS.Timeout;
  cluster: DirectoryCluster | null = null;

  constructor(
    private readonly prisma: Db,
    private readonly transport: RoomTransport,
    private readonly store: RoomStore,
    private readonly opts: DirectoryOptions = {},
  ) {
    this.sweeper = setInterval(() => this.sweep(), opts.sweepEveryMs ?? 60_000);
    this.sweeper.unref();
  }

  /** A room this node holds (owned or followed). */
  get(gameId: string): Room | undefined {
    return this.byId.get(gameId);
  }
  getByPin(pin: string): Room | undefined {
    return this.byPin.get(pin);
  }
  get size(): number {
    return this.byId.size;
  }
  rooms(): IterableIterator<Room> {
    return this.byId.values();
  }

  /** The room, held here or (several nodes) open on another node, which this node then follows. */
  async find(gameId: string): Promise<Room | undefined> {
    const room = this.byId.get(gameId);
    if (room || !this.cluster) return room;
    return this.load(gameId);
  }

  async findByPin(pin: string): Promise<Room | undefined> {
    const room = this.byPin.get(pin);
    if (room || !this.cluster) return room;
    // why the database as well: while Redis is away a class must still find its room (the owner
    // re-lists the PIN in Redis when it is back).
    const gameId = await this.cluster.gameOfPin(pin).catch(async () => {
      const row = await this.prisma.gameSession.findFirst({ where: { pin, status: { in: ['lobby', 'running'] } }, select: { id: true } });
      return row?.id ?? null;
    });
    return gameId ? this.find(gameId) : undefined;
  }

  /** Rooms of `hostId` still being played on any node. why not finished ones: a podium stays up for a while but holds no class. */
  async openRoomsOf(hostId: string): Promise<number> {
    if (!this.cluster) {
      let n = 0;
      for (const r of this.byId.values()) if (r.hostId === hostId && r.state.phase !== 'podium') n++;
      return n;
    }
    return this.prisma.gameSession.count({ where: { hostId, status: { in: ['lobby', 'running'] } } });
  }

  /** Draws the questions, stores the session and opens the room. The caller checked access and questions. */
  async create(input: { hostId: string; deck: HostableDeck; settings: GameSettings; title: string; classId?: string }): Promise<Room> {
    const gameId = newId('g');
    let pin = newPin((p) => this.byPin.has(p));
    // why: with several nodes a PIN is unique only once Redis has it for this game.
    for (let i = 0; this.cluster && !(await this.cluster.reservePin(pin, gameId)); i++) {
      if (i > 20) throw new Error('no free PIN found');
      pin = newPin((p) => this.byPin.has(p));
    }
    const state = createGame({ gameId, pin, settings: input.settings, cards: input.deck.cards, seed: newSeed(), now: Date.now() });
    // why: reserve the PIN before the await so two concurrent creates cannot draw the same one.
    const room = this.newRoom(state, input.hostId, true);
    this.add(room);
    try {
      await createGameSession(this.prisma, {
        state,
        hostId: input.hostId,
        deckId: input.deck.id,
        title: input.title,
        classId: input.classId,
        settings: input.settings,
      });
      if (this.cluster) {
        // A new session's token is 0 until another node takes the room over.
        this.store.fence(gameId, 0);
        await this.cluster.owned(room);
      }
    } catch (err) {
      this.remove(room);
      throw err;
    }
    return room;
  }

  /** Previews what `create` would draw, without opening anything (to refuse empty games). */
  static questionCount(deck: HostableDeck, settings: GameSettings): number {
    return createGame({ gameId: 'preview', pin: '000000', settings, cards: deck.cards, seed: 1, now: 0 }).questions.length;
  }

  /**
   * One node: brings back the rooms that were open when the server stopped, each from its last
   * snapshot plus the commands logged after it, so every acknowledged join, answer and host step
   * is there. (With several nodes, rooms are taken over one by one: see takeOver.)
   */
  async restore(): Promise<number> {
    const idle = this.opts.idleMs ?? 2 * 60 * 60 * 1000;
    const now = Date.now();
    let restored = 0;
    for (const row of await loadOpenSessions()) {
      if (!row.hostId || this.byId.has(row.id) || this.byPin.has(row.snapshot.state.pin)) continue;
      const rebuilt = rebuild(row);
      const room = this.newRoom(rebuilt.state, row.hostId, true);
      room.lastActivity = rebuilt.lastActivity;
      if (now - room.lastActivity > idle) {
        room.close('expired');
        continue;
      }
      this.add(room);
      // why through the room: after a restart nobody is connected, and a crash during replay must see that too.
      await room
        .run(() => {
          for (const p of Object.values(room.state.players)) {
            if (p.connected) room.apply({ type: 'connection', playerId: p.id, connected: false, actor: { role: 'system' } });
          }
        })
        .catch((err) => console.error(`room ${room.gameId}: could not store its players as disconnected`, err));
      room.rearm();
      restored++;
    }
    return restored;
  }

  /**
   * Several nodes: this node now holds the lease of a room whose owner went away (or that nobody
   * held). It loads the room as stored (every acknowledged command is there), re-arms the open
   * question's timers at their absolute times, and carries on. False when the room is not open.
   */
  async takeOver(gameId: string): Promise<Room | null> {
    // why first: from here on the old owner's writes are refused, so what is read next is final.
    const epoch = await takeRoomOwnership(gameId);
    const row = (await loadOpenSessions([gameId]))[0];
    if (!row?.hostId) return null;
    this.store.fence(gameId, epoch);
    const { state, lastActivity } = rebuild(row);
    let room = this.byId.get(gameId);
    if (room && !room.closed) room.promote(state, lastActivity);
    else {
      room = this.newRoom(state, row.hostId, true);
      room.lastActivity = lastActivity;
      this.add(room);
      room.rearm();
    }
    return room;
  }

  /** Several nodes: the room as stored now (a follower that missed a message, or lost its lease). */
  async reload(gameId: string): Promise<{ state: GameState; lastActivity: number } | null> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = (await loadOpenSessions([gameId]))[0];
      if (!row) return null;
      const rebuilt = rebuild(row);
      // why again: a snapshot written between the two reads removes the commands it covers.
      if (!rebuilt.gap) return rebuilt;
    }
    return null;
  }

  /** Loads a room another node owns and follows it. */
  private load(gameId: string): Promise<Room | undefined> {
    let pending = this.loading.get(gameId);
    if (!pending) {
      pending = (async () => {
        let room: Room | undefined;
        // why subscribe first: every command stored after the read below is then delivered.
        await this.cluster!.follow(gameId, () => room);
        const loaded = await loadOpenSessions([gameId]).catch((err) => {
          // why: a subscription without a room would keep every message of it in memory.
          this.cluster!.closed({ gameId } as Room, 'gone');
          throw err;
        });
        const row = loaded[0];
        if (!row?.hostId) {
          this.cluster!.closed({ gameId } as Room, 'gone');
          return undefined;
        }
        const rebuilt = rebuild(row);
        room = this.byId.get(gameId) ?? this.newRoom(rebuilt.state, row.hostId, false);
        room.lastActivity = rebuilt.lastActivity;
        this.add(room);
        this.cluster!.caughtUp(room);
        return room;
      })().finally(() => this.loading.delete(gameId));
      this.loading.set(gameId, pending);
    }
    return pending;
  }

  /** Ends a room for good (the owner closes it; a follower asks the owner to). */
  async close(room: Room, reason: 'expired' | 'deleted' | 'shutdown' | 'closed'): Promise<void> {
    if (!room.owner && this.cluster) {
      await this.cluster.closeRemote(room, reason);
      return;
    }
    // why through the queue: commands already accepted are stored and shown before the room goes.
    await room.run(() => undefined).catch(() => {});
    this.closeHere(room, reason);
  }

  /** Closes the room on this node (the owner's decision, or the owner said so). */
  closeHere(room: Room, reason: string): void {
    room.close(reason as 'closed');
    this.remove(room);
    this.cluster?.closed(room, reason);
  }

  /** Closes rooms nobody has used for a while; drops followed rooms nobody here shows. */
  sweep(now = Date.now()): void {
    const idle = this.opts.idleMs ?? 2 * 60 * 60 * 1000;
    const ended = this.opts.endedMs ?? 30 * 60 * 1000;
    for (const room of [...this.byId.values()]) {
      const quiet = now - room.lastActivity;
      if (!room.owner) {
        if (room.livePlayerCount === 0 && room.liveHostSockets === 0) this.drop(room);
        continue;
      }
      if (quiet > idle || (room.state.phase === 'podium' && quiet > ended)) void this.close(room, 'expired');
    }
  }

  /** Stops following a room (nobody on this node shows it, or it closed). */
  drop(room: Room): void {
    room.suspend();
    this.remove(room);
    this.cluster?.closed(room, 'dropped');
  }

  /** Server shutdown: keep the rooms' snapshots so they come back at the next start. */
  shutdown(): void {
    clearInterval(this.sweeper);
    for (const room of this.byId.values()) room.suspend();
    this.byId.clear();
    this.byPin.clear();
  }

  private newRoom(state: GameState, hostId: string, owner: boolean): Room {
    return new Room(
      state,
      { hostId, transport: this.transport, store: this.store, clock: new TimerClock(), link: this.cluster?.link, onFanout: this.opts.onFanout },
      { owner },
    );
  }

  private add(room: Room): void {
    this.byId.set(room.gameId, room);
    this.byPin.set(room.pin, room);
  }

  remove(room: Room): void {
    if (this.byId.get(room.gameId) === room) this.byId.delete(room.gameId);
    if (this.byPin.get(room.pin) === room) this.byPin.delete(room.pin);
  }
}

/** The room a stored session holds: its snapshot with the logged commands replayed. */
function rebuild(row: OpenSession): { state: GameState; lastActivity: number; gap: boolean } {
  const rebuilt = replay(row.snapshot.state, row.commands);
  if (rebuilt.stoppedAt) {
    console.error(`room ${row.id}: replay stopped at command ${rebuilt.stoppedAt.version} (${rebuilt.stoppedAt.reason})`);
  }
  const gap = row.commands.length > 0 && row.commands[0]!.version > row.snapshot.state.version + 1;
  return { state: rebuilt.state, lastActivity: Math.max(row.snapshot.lastActivity, rebuilt.lastPersonAt ?? 0), gap };
}
