/**
 * Benchmark-only events, registered only when BENCH_MODE=1 (bench/room). They expose timings
 * and let the benchmark measure a bare Socket.IO broadcast against the room fan-out.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { z } from 'zod';
import type { BatchedStore } from '../rooms/persistence';
import type { FanoutRecord } from '../rooms/room';
import { gameRoom } from '../rooms/socket-transport';
import type { HandlerContext, RoomSocket } from './context';
import { err, on } from './on';

const GameIdSchema = z.strictObject({ gameId: z.string().min(1).max(64) });
const BroadcastSchema = z.strictObject({
  gameId: z.string().min(1).max(64),
  bytes: z.number().int().min(1).max(65_536),
  /** A view's JSON to broadcast as is, instead of a flat string of `bytes` bytes. */
  view: z.string().max(65_536).optional(),
  /** Several nodes: one id for the same round's broadcast on every node (players group receipts by it). */
  round: z.number().int().optional(),
});

let loopDelay: IntervalHistogram | null = null;

/** Full fan-outs per game (the Room tells its observer; see sockets.ts), for bench:stats. */
export const benchFanouts = new Map<string, FanoutRecord[]>();

export function recordFanout(gameId: string, record: FanoutRecord): void {
  let list = benchFanouts.get(gameId);
  if (!list) benchFanouts.set(gameId, (list = []));
  list.push(record);
  if (list.length > 100) list.shift();
}

export function registerBenchHandlers(socket: RoomSocket, ctx: HandlerContext, store: BatchedStore): void {
  if (!loopDelay) {
    loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
  }
  on(socket, 'bench:stats', GameIdSchema, ({ gameId }) => {
    const mem = process.memoryUsage();
    const lag = { maxMs: loopDelay!.max / 1e6, p99Ms: loopDelay!.percentile(99) / 1e6 };
    loopDelay!.reset();
    return { ok: true, rss: mem.rss, heapUsed: mem.heapUsed, fanouts: benchFanouts.get(gameId) ?? [], eventLoopLag: lag };
  });
  on(socket, 'bench:gc', z.strictObject({}), () => {
    (globalThis as { gc?: () => void }).gc?.();
    return { ok: true, rss: process.memoryUsage().rss };
  });
  on(socket, 'bench:flush', z.strictObject({}), async () => {
    await store.flushAll();
    return { ok: true };
  });
  on(socket, 'bench:broadcast', BroadcastSchema, ({ gameId, bytes, view, round }) => {
    if (!ctx.rooms.get(gameId)) return err('room_not_found', 'no such room');
    let body: unknown;
    try {
      body = view === undefined ? undefined : JSON.parse(view);
    } catch {
      return err('bad_request', 'view is not JSON');
    }
    const sentAt = Date.now();
    // A payload of about `bytes` JSON bytes (or the given view), sent once to every player socket of the game.
    (ctx.io.to(gameRoom(gameId)) as unknown as { emit(e: string, p: unknown): void }).emit(
      'bench:blob',
      body === undefined ? { sentAt: round ?? sentAt, pad: 'x'.repeat(Math.max(0, bytes - 40)) } : { sentAt: round ?? sentAt, view: body },
    );
    return { ok: true, sentAt, doneAt: Date.now() };
  });
}
