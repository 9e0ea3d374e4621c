/**
 * All open rooms of this process, by game id and by PIN; creates, restores and expires them.
 */
import { createGame, replay, type GameSettings, type GameState } from '../../src/core/game';
import type { Db } from '../../src/server/db';
import { createGameSession, loadOpenSessions, type HostableDeck } from '../../src/server/games';
import { TimerClock } from './clock';
import { newId, newPin, newSeed } from './ids';
import type { RoomStore, RoomTransport } from './ports';
import { Room } from './room';

export interface DirectoryOptions {
  /** A room with no command from a person for this long is closed (default 2 h). */
  idleMs?: number;
  /** A finished room (podium) is closed after this long (default 30 min). */
  endedMs?: number;
  sweepEveryMs?: number;
}

export class RoomDirectory {
  private readonly byId = new Map<string, Room>();
  private readonly byPin = new Map<string, Room>();
  private sweeper: NodeJS.Timeout;

  constructor(
    private readonly prisma: Db,
    private readonly transport: RoomTransport,
    private readonly store: RoomStore,
    private readonly opts: DirectoryOptions = {},
  ) {
    this.sweeper = setInterval(() => this.sweep(), opts.sweepEveryMs ?? 60_000);
    this.sweeper.unref();
  }

  get(gameId: string): Room | undefined {
    return this.byId.get(gameId);
  }
  getByPin(pin: string): Room | undefined {
    return this.byPin.get(pin);
  }
  get size(): number {
    return this.byId.size;
  }
  /** Rooms of `hostId` still being played. why not finished ones: a podium stays up for a while but holds no class. */
  openRoomsOf(hostId: string): number {
    let n = 0;
    for (const r of this.byId.values()) if (r.hostId === hostId && r.state.phase !== 'podium') n++;
    return n;
  }

  /** Draws the questions, stores the session and opens the room. The caller checked access and questions. */
  async create(input: { hostId: string; deck: HostableDeck; settings: GameSettings; title: string; classId?: string }): Promise<Room> {
    const state = createGame({
      gameId: newId('g'),
      pin: newPin((pin) => this.byPin.has(pin)),
      settings: input.settings,
      cards: input.deck.cards,
      seed: newSeed(),
      now: Date.now(),
    });
    // why: reserve the PIN before the await so two concurrent creates cannot draw the same one.
    const room = this.newRoom(state, input.hostId);
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
   * Brings back the rooms that were open when the server stopped: each from its last snapshot
   * plus the commands logged after it, so every acknowledged join, answer and host step is there.
   */
  async restore(): Promise<number> {
    const idle = this.opts.idleMs ?? 2 * 60 * 60 * 1000;
    const now = Date.now();
    let restored = 0;
    for (const row of await loadOpenSessions()) {
      const { state: saved } = row.snapshot;
      if (!row.hostId || this.byId.has(row.id) || this.byPin.has(saved.pin)) continue;
      const rebuilt = replay(saved, row.commands);
      if (rebuilt.stoppedAt) {
        console.error(`room ${row.id}: replay stopped at command ${rebuilt.stoppedAt.version} (${rebuilt.stoppedAt.reason})`);
      }
      const room = this.newRoom(rebuilt.state, row.hostId);
      room.lastActivity = Math.max(row.snapshot.lastActivity, rebuilt.lastPersonAt ?? 0);
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

  close(room: Room, reason: 'expired' | 'deleted' | 'shutdown' | 'closed'): void {
    room.close(reason);
    this.remove(room);
  }

  /** Closes rooms nobody has used for a while. */
  sweep(now = Date.now()): void {
    const idle = this.opts.idleMs ?? 2 * 60 * 60 * 1000;
    const ended = this.opts.endedMs ?? 30 * 60 * 1000;
    for (const room of [...this.byId.values()]) {
      const quiet = now - room.lastActivity;
      if (quiet > idle || (room.state.phase === 'podium' && quiet > ended)) this.close(room, 'expired');
    }
  }

  /** Server shutdown: keep the rooms' snapshots so they come back at the next start. */
  shutdown(): void {
    clearInterval(this.sweeper);
    for (const room of this.byId.values()) room.suspend();
    this.byId.clear();
    this.byPin.clear();
  }

  private newRoom(state: GameState, hostId: string): Room {
    return new Room(state, { hostId, transport: this.transport, store: this.store, clock: new TimerClock() });
  }

  private add(room: Room): void {
    this.byId.set(room.gameId, room);
    this.byPin.set(room.pin, room);
  }

  private remove(room: Room): void {
    if (this.byId.get(room.gameId) === room) this.byId.delete(room.gameId);
    if (this.byPin.get(room.pin) === room) this.byPin.delete(room.pin);
  }
}
