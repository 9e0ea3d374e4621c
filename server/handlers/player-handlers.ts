/** room:join, room:rejoin, answer:submit, player:leave, and the latency probe. */
import {
  AnswerSubmitPayloadSchema,
  CheckPayloadSchema,
  JoinPayloadSchema,
  PlayerLeavePayloadSchema,
  RejoinPayloadSchema,
  RequestSeatPayloadSchema,
} from '../../src/core/protocol';
import { checkClassRoomJoin } from '../../src/server/insight/class-gate';
import { newId, newToken } from '../rooms/ids';
import type { Room } from '../rooms/room';
import { gameRoom, playerRoom, seatRequestRoom } from '../rooms/socket-transport';
import type { HandlerContext, RoomSocket } from './context';
import { err, on } from './on';

const PING_EVERY_MS = 20_000;
const NOT_FOUND = err('room_not_found', 'No open room has that PIN.');
// why one answer for both: telling "no such room" from "not your seat" would let anyone list the open PINs.
const NO_SEAT = err('unknown_player', 'No seat of yours in an open room with that PIN; join again.');
const TOO_MANY = err('rate_limited', 'Too many join attempts from your network; wait a minute.');

export function registerPlayerHandlers(socket: RoomSocket, ctx: HandlerContext): void {
  on(
    socket,
    'room:join',
    JoinPayloadSchema,
    async ({ pin, nickname, token }) => {
      const room = await ctx.rooms.findByPin(pin);
      if (!room || room.closed) return NOT_FOUND;
      cancelSeatRequest(socket, ctx);
      const user = socket.data.user;
      // A class session admits its members (and guests only when the class allows them).
      const refused = await checkClassRoomJoin(ctx.prisma, room.gameId, user);
      if (refused) return err(refused.code, refused.message);
      // The engine decides whether this is a new seat or one the device (or account) already holds.
      const playerId = newId('p');
      const reply = await room.dispatch({
        type: 'join',
        playerId,
        token: newToken(),
        nickname,
        userId: user?.id,
        seatToken: token,
        actor: { role: 'player', playerId },
      });
      if (!reply.ok) return reply;
      return seated(room, reply.playerId!, reply.token!);
    },
    { before: async () => ((await ctx.lookupLimiter.take(socket.data.ip)) ? null : TOO_MANY) },
  );

  on(
    socket,
    'room:check',
    CheckPayloadSchema,
    async ({ pin }) => {
      const room = await ctx.rooms.findByPin(pin);
      if (!room || room.closed) {
        await ctx.lookupLimiter.take(socket.data.ip);
        return NOT_FOUND;
      }
      if (room.state.phase === 'podium') return err('game_over', 'This game has ended.');
      if (room.state.locked) return err('room_locked', 'The host has locked this game.');
      return { ok: true, started: room.state.phase !== 'lobby' };
    },
    { before: async () => ((await ctx.lookupLimiter.blocked(socket.data.ip)) ? TOO_MANY : null) },
  );

  on(
    socket,
    'room:request-seat',
    RequestSeatPayloadSchema,
    async ({ pin, nickname }) => {
      const room = await ctx.rooms.findByPin(pin);
      if (!room || room.closed) return NOT_FOUND;
      cancelSeatRequest(socket, ctx);
      const requestId = newId('r');
      const reply = await room.dispatch({ type: 'requestSeat', requestId, nickname, token: newToken(), actor: { role: 'system' } });
      if (!reply.ok) return reply;
      socket.data.seatRequest = { gameId: room.gameId, requestId };
      void socket.join(seatRequestRoom(room.gameId, requestId));
      return { ok: true, requestId };
    },
    { before: async () => ((await ctx.lookupLimiter.take(socket.data.ip)) ? null : TOO_MANY) },
  );

  on(
    socket,
    'room:rejoin',
    RejoinPayloadSchema,
    async ({ pin, token }) => {
      const room = await ctx.rooms.findByPin(pin);
      const reply = !room || room.closed ? NO_SEAT : await room.dispatch({ type: 'rejoin', token, userId: socket.data.user?.id, actor: { role: 'system' } });
      if (!reply.ok) {
        if (reply.code !== 'unknown_player' && reply !== NO_SEAT) return reply;
        await ctx.lookupLimiter.take(socket.data.ip);
        return NO_SEAT;
      }
      const { token: _kept, ...ack } = seated(room!, reply.playerId!, reply.token!);
      return ack;
    },
    { before: async () => ((await ctx.lookupLimiter.blocked(socket.data.ip)) ? TOO_MANY : null) },
  );

  on(socket, 'answer:submit', AnswerSubmitPayloadSchema, async ({ questionIndex, choice }) => {
    const me = socket.data.player;
    if (!me) return err('not_joined', 'Join the room first.');
    const room = ctx.rooms.get(me.gameId);
    if (!room || room.closed) return NOT_FOUND;
    const reply = await room.dispatch({
      type: 'answer',
      playerId: me.playerId,
      questionIndex,
      choice,
      // The latency of the connection this answer came in on, as the server measured it.
      latencyMs: socket.data.latencyMs,
      actor: { role: 'player', playerId: me.playerId },
    });
    return reply.ok ? { ok: true, questionIndex } : reply;
  });

  on(socket, 'player:leave', PlayerLeavePayloadSchema, () => {
    unbindPlayer(socket, ctx);
    return { ok: true };
  });

  /** This socket now shows the seat the engine gave it; the ack carries the seat's view. */
  function seated(room: Room, playerId: string, token: string) {
    const cur = socket.data.player;
    if (cur && (cur.gameId !== room.gameId || cur.playerId !== playerId)) unbindPlayer(socket, ctx);
    socket.data.player = { gameId: room.gameId, playerId };
    void socket.join([playerRoom(room.gameId, playerId), gameRoom(room.gameId)]);
    room.attachPlayer(playerId, socket.id);
    startPings(socket);
    return { ok: true as const, playerId, token, view: room.playerView(playerId) };
  }
}

/** The socket no longer shows its player; the player is disconnected when it was their last socket. */
export function unbindPlayer(socket: RoomSocket, ctx: HandlerContext): void {
  const me = socket.data.player;
  if (!me) return;
  socket.data.player = undefined;
  if (socket.data.pingTimer) clearInterval(socket.data.pingTimer);
  socket.data.pingTimer = undefined;
  void socket.leave(playerRoom(me.gameId, me.playerId));
  void socket.leave(gameRoom(me.gameId));
  const room = ctx.rooms.get(me.gameId);
  if (room && room.detachPlayer(me.playerId, socket.id)) {
    void room.dispatch({ type: 'connection', playerId: me.playerId, connected: false, actor: { role: 'system' } });
  }
}

/**
 * Latency probe: half the sys:ping round trip, smoothed, becomes the player's latency (the game
 * credits at most 250 ms of it). Sent on join and every 20 s.
 */
function startPings(socket: RoomSocket): void {
  if (socket.data.pingTimer) return;
  const ping = () => {
    const me = socket.data.player;
    if (!me || !socket.connected) return;
    const t0 = performance.now();
    socket.timeout(5000).emit('sys:ping', { serverTs: Date.now() }, (e: Error | null) => {
      if (e || socket.data.player?.playerId !== me.playerId) return;
      const sample = (performance.now() - t0) / 2;
      const prev = socket.data.latencyMs;
      socket.data.latencyMs = Math.round(prev === undefined ? sample : prev * 0.7 + sample * 0.3);
    });
  };
  socket.data.pingTimer = setInterval(ping, PING_EVERY_MS);
  socket.data.pingTimer.unref();
  ping();
}

/** The socket no longer waits for a seat: its request is withdrawn from the host's screen. */
export function cancelSeatRequest(socket: RoomSocket, ctx: HandlerContext): void {
  const pending = socket.data.seatRequest;
  if (!pending) return;
  socket.data.seatRequest = undefined;
  void socket.leave(seatRequestRoom(pending.gameId, pending.requestId));
  void ctx.rooms.get(pending.gameId)?.dispatch({ type: 'cancelSeat', requestId: pending.requestId, actor: { role: 'system' } });
}
