/**
 * Registers a client -> server event with the edge rules every event shares: the payload is
 * parsed with its zod schema (`bad_request` otherwise), a missing ack callback is tolerated
 * (errors then go out as `sys:error`), and a thrown error becomes an `internal` ack, never a crash.
 */
import type { z } from 'zod';
import { parsePayload, type Ack, type AckError } from '../../src/core/protocol';
import type { RoomSocket } from './context';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from '../../src/server/db';

type Reply = Ack<object>;

export const err = (code: AckError['code'], message: string): AckError => ({ ok: false, code, message });

/** Largest payload an event takes, as JSON (documented in docs/protocol.md). */
export const MAX_MESSAGE_BYTES = 64 * 1024;
const TOO_LARGE: AckError = { ok: false, code: 'bad_request', message: `Invalid payload: larger than ${MAX_MESSAGE_BYTES} bytes` };

function tooLarge(payload: unknown): boolean {
  if (payload === undefined) return false;
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '') > MAX_MESSAGE_BYTES;
  } catch {
    return true; // cyclic or otherwise unencodable: not something a client can have meant
  }
}

export function on<S extends z.ZodType>(
  socket: RoomSocket,
  event: string,
  schema: S,
  handler: (data: z.output<S>) => Reply | Promise<Reply>,
  opts: { before?: () => AckError | null | Promise<AckError | null> } = {},
): void {
  (socket as unknown as { on(e: string, fn: (...args: unknown[]) => void): void }).on(event, (...args: unknown[]) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (r: Reply) => void) : null;
    const payload = ack ? (args.length > 1 ? args[0] : undefined) : args[0];
    const reply = (r: Reply) => {
      if (ack) ack(r);
      else if (!r.ok) socket.emit('sys:error', { code: r.code, message: r.message });
    };
    const run = async () => {
      // why only awaited when it is a promise: a sync check keeps the event's handler on this tick.
      const check = opts.before?.();
      const refused = check instanceof Promise ? await check : check;
      if (refused) return reply(refused);
      if (tooLarge(payload)) return reply(TOO_LARGE);
      const parsed = parsePayload(schema, payload);
      if (!parsed.ok) return reply(parsed);
      reply(await handler(parsed.data));
    };
    run().catch((e) => {
      console.error(`socket ${event} failed`, e);
      try {
        reply(isDatabaseUnavailable(e) ? err('unavailable', UNAVAILABLE_MESSAGE) : err('internal', 'Something went wrong on the server.'));
      } catch {
        // the socket is gone
      }
    });
  });
}
