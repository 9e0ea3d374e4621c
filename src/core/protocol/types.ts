/**
 * Typed event maps for Socket.IO: `Server<ClientToServerEvents, ServerToClientEvents>` on the
 * server, `Socket<ServerToClientEvents, ClientToServerEvents>` in the browser.
 */
import type { GameErrorCode } from '../game/errors';
import type { HostView, PlayerView } from '../game/view-types';
import type {
  AnswerSubmitPayload,
  CheckPayload,
  HostAnswerSeatPayload,
  RequestSeatPayload,
  HostAttachPayload,
  HostClosePayload,
  HostCommandPayload,
  HostCreatePayload,
  HostKickPayload,
  HostLockPayload,
  JoinPayload,
  PlayerLeavePayload,
  RejoinPayload,
} from './schemas';

/** Errors raised at the edge or by the runtime rather than by the game rules. */
export const PROTOCOL_ERROR_CODES = [
  'bad_request',
  'protocol_mismatch',
  'room_not_found',
  'unauthorized',
  'not_joined',
  'rate_limited',
  'internal',
  /** The database is not reachable right now: nothing was changed, send it again. */
  'unavailable',
  // host:create
  'deck_not_found',
  'class_not_found',
  // room:join on a class session (Class.allowGuests false): guests and non-members are turned away
  'members_only',
] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

/** Every code a client can receive in an error ack or `sys:error`. */
export type ErrorCode = GameErrorCode | ProtocolErrorCode;

export type AckError = { ok: false; code: ErrorCode; message: string };
// why: `object` rather than `{}` keeps an empty success payload from accepting any value.
export type AckOk<T extends object = Record<never, never>> = { ok: true } & T;
/** The one reply shape of every client -> server event. */
export type Ack<T extends object = Record<never, never>> = AckOk<T> | AckError;
export type AckCallback<T extends object = Record<never, never>> = (ack: Ack<T>) => void;

export interface JoinAckData {
  playerId: string;
  /** Keep in localStorage; send with room:rejoin after a reconnect or reload. */
  token: string;
  view: PlayerView;
}
export interface RejoinAckData {
  playerId: string;
  view: PlayerView;
}
/** room:check: the room takes new players; `started` when the game is already past its lobby. */
export interface CheckAckData {
  started: boolean;
}
export interface HostCreateAckData {
  gameId: string;
  /** 6-digit join code, unique among open rooms. */
  pin: string;
}
export interface HostAttachAckData {
  view: HostView;
}
/** Host commands: the state version after the command. */
export interface VersionAckData {
  version: number;
}
export interface AnswerAckData {
  questionIndex: number;
}

export interface ClientToServerEvents {
  'room:join': (payload: JoinPayload, ack: AckCallback<JoinAckData>) => void;
  'room:rejoin': (payload: RejoinPayload, ack: AckCallback<RejoinAckData>) => void;
  'room:check': (payload: CheckPayload, ack: AckCallback<CheckAckData>) => void;
  'room:request-seat': (payload: RequestSeatPayload, ack: AckCallback<{ requestId: string }>) => void;
  'host:answer-seat': (payload: HostAnswerSeatPayload, ack: AckCallback<VersionAckData>) => void;
  'host:create': (payload: HostCreatePayload, ack: AckCallback<HostCreateAckData>) => void;
  'host:attach': (payload: HostAttachPayload, ack: AckCallback<HostAttachAckData>) => void;
  'host:start': (payload: HostCommandPayload, ack: AckCallback<VersionAckData>) => void;
  'host:next': (payload: HostCommandPayload, ack: AckCallback<VersionAckData>) => void;
  'host:end-question': (payload: HostCommandPayload, ack: AckCallback<VersionAckData>) => void;
  'host:end-game': (payload: HostCommandPayload, ack: AckCallback<VersionAckData>) => void;
  'host:kick': (payload: HostKickPayload, ack: AckCallback<VersionAckData>) => void;
  'host:lock': (payload: HostLockPayload, ack: AckCallback<VersionAckData>) => void;
  'host:close': (payload: HostClosePayload, ack: AckCallback) => void;
  'answer:submit': (payload: AnswerSubmitPayload, ack: AckCallback<AnswerAckData>) => void;
  'player:leave': (payload: PlayerLeavePayload, ack: AckCallback) => void;
}

/** `closed`: the host closed the room (host:close). */
export type RoomClosedReason = 'expired' | 'deleted' | 'shutdown' | 'closed';

export interface ServerToClientEvents {
  /** The full view for this socket's audience; sent after every change (replace, don't merge). */
  'room:view': (view: PlayerView | HostView) => void;
  /** This player was removed by the host; the server disconnects the socket afterwards. */
  'room:kicked': (payload: { reason: 'kicked' }) => void;
  /** The host moved this player's seat to another device; forget the token. */
  'room:seat-moved': (payload: Record<string, never>) => void;
  /** The host's answer to room:request-seat; when granted, rejoin with `token` (it is the seat's now). */
  'room:seat-answer': (payload: { granted: boolean; token?: string }) => void;
  /** The room no longer exists; forget its token. */
  'room:closed': (payload: { reason: RoomClosedReason }) => void;
  /** An error not tied to an ack (e.g. an event sent without a callback). */
  'sys:error': (payload: { code: ErrorCode; message: string }) => void;
  /** Latency probe: acknowledge at once; the server uses half the round trip as your latency. */
  'sys:ping': (payload: { serverTs: number }, ack: () => void) => void;
}
