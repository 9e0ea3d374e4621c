/**
 * zod schemas for every inbound (client -> server) payload. Parse at the edge, before anything
 * reaches a room: all objects are strict and every string and array is size-bounded, so a
 * hostile client cannot make the server hold large or unexpected data.
 */
import { z } from 'zod';
import { MAX_TYPED_ANSWER_LENGTH } from '../game/grading';
import { GameSettingsSchema } from '../game/settings';
import { PROTOCOL_VERSION } from './events';
import type { AckError } from './types';

export const PinSchema = z.string().regex(/^\d{6}$/, 'PIN is 6 digits');
/** Rejoin secret issued by the server in the join ack (URL-safe, 16–128 chars). */
export const TokenSchema = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);
const IdSchema = z.string().min(1).max(64);
const ExpectVersion = z.number().int().min(0).optional();

/** `auth` object of the Socket.IO handshake: `io(url, { auth: { protocolVersion: 1 } })`. */
export const HandshakeAuthSchema = z.object({ protocolVersion: z.literal(PROTOCOL_VERSION) });

/** Nickname rules (trim, 1–20 chars, unique) are enforced by the game; this only bounds the size. */
export const JoinPayloadSchema = z.strictObject({
  pin: PinSchema,
  // why 256: twenty emoji sequences (a family emoji is 11 UTF-16 units) must fit; the game counts what people see.
  nickname: z.string().max(256),
  token: TokenSchema.optional(),
});

export const RejoinPayloadSchema = z.strictObject({ pin: PinSchema, token: TokenSchema });

/** room:request-seat: a guest who lost their device asks the host for their seat back by nickname. */
export const RequestSeatPayloadSchema = z.strictObject({ pin: PinSchema, nickname: z.string().max(256) });

/** host:answer-seat: let the asking device take the seat (`grant: true`) or not. */
export const HostAnswerSeatPayloadSchema = z.strictObject({ requestId: IdSchema, grant: z.boolean() });

/** room:check: is there a room with this PIN that a new player can join? (before asking for a nickname) */
export const CheckPayloadSchema = z.strictObject({ pin: PinSchema });

/**
 * Opens a new room. `settings` is the game's GameSettingsSchema; its `deckId` may be left out
 * (the top-level `deckId` is used) but must match when given. Omitted settings take the defaults.
 */
export const HostCreatePayloadSchema = z.strictObject({
  deckId: GameSettingsSchema.shape.deckId,
  settings: GameSettingsSchema.partial({ deckId: true }).optional(),
  title: z.string().trim().min(1).max(120).optional(),
  classId: IdSchema.optional(),
  /** Play exactly this saved question set of yours (e.g. a class warm-up) instead of drawing from the deck. */
  questionSetId: IdSchema.optional(),
});

export const HostAttachPayloadSchema = z.strictObject({ gameId: IdSchema });

/** host:start, host:next, host:end-question, host:end-game. */
export const HostCommandPayloadSchema = z.strictObject({ expectVersion: ExpectVersion });

export const HostKickPayloadSchema = z.strictObject({ playerId: IdSchema, expectVersion: ExpectVersion });

export const HostLockPayloadSchema = z.strictObject({ locked: z.boolean(), expectVersion: ExpectVersion });

export const AnswerSubmitPayloadSchema = z.strictObject({
  questionIndex: z.number().int().min(0).max(49),
  /** Option indexes (mcq/tf: one, multi: one or more) or the typed text. Checked against the question by the game. */
  choice: z.union([
    z.array(z.number().int().min(0).max(63)).min(1).max(16),
    z.string().min(1).max(MAX_TYPED_ANSWER_LENGTH),
  ]),
  /** Client clock when submitted, for diagnostics only: scoring uses the server's receive time. */
  clientTs: z.number().finite().optional(),
});

export const PlayerLeavePayloadSchema = z.strictObject({});

/** host:close: ends the game if it still runs and closes the room for good (players are told). */
export const HostClosePayloadSchema = z.strictObject({});

export type JoinPayload = z.infer<typeof JoinPayloadSchema>;
export type RejoinPayload = z.infer<typeof RejoinPayloadSchema>;
export type CheckPayload = z.infer<typeof CheckPayloadSchema>;
export type RequestSeatPayload = z.infer<typeof RequestSeatPayloadSchema>;
export type HostAnswerSeatPayload = z.infer<typeof HostAnswerSeatPayloadSchema>;
/** Input type: settings fields with defaults may be left out. */
export type HostCreatePayload = z.input<typeof HostCreatePayloadSchema>;
export type HostAttachPayload = z.infer<typeof HostAttachPayloadSchema>;
export type HostCommandPayload = z.infer<typeof HostCommandPayloadSchema>;
export type HostKickPayload = z.infer<typeof HostKickPayloadSchema>;
export type HostLockPayload = z.infer<typeof HostLockPayloadSchema>;
export type AnswerSubmitPayload = z.infer<typeof AnswerSubmitPayloadSchema>;
export type PlayerLeavePayload = z.infer<typeof PlayerLeavePayloadSchema>;
export type HostClosePayload = z.infer<typeof HostClosePayloadSchema>;
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

/**
 * Parses an inbound payload; on failure returns the `bad_request` ack to send back. The message
 * names the first offending field but never echoes the value.
 */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  raw: unknown,
): { ok: true; data: z.output<S> } | AckError {
  const bad = illFormedText(raw, 'payload', 0);
  if (bad) return { ok: false, code: 'bad_request', message: `Invalid ${bad}: not valid text (a lone UTF-16 surrogate)` };
  const res = schema.safeParse(raw);
  if (res.success) return { ok: true, data: res.data };
  const issue = res.error.issues[0];
  const where = issue && issue.path.length ? issue.path.join('.') : 'payload';
  return { ok: false, code: 'bad_request', message: `Invalid ${where}: ${issue?.message ?? 'malformed'}` };
}

/** With the `u` flag a surrogate pair is one code point, so this matches only a lone surrogate. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The path of the first string holding a lone surrogate, or null. why: such a string is not
 * valid Unicode; the database refuses it mid-write and JSON encoders mangle it, so it is refused
 * here, at the edge, for every event at once.
 */
function illFormedText(value: unknown, path: string, depth: number): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path : null;
  if (depth > 8 || value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (LONE_SURROGATE.test(k)) return path;
    const found = illFormedText(v, `${path === 'payload' ? '' : `${path}.`}${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}
