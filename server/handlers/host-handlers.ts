/** host:create, host:attach and the host's game commands. */
import { GameSettingsSchema, type CommandBody } from '../../src/core/game';
import {
  HostAnswerSeatPayloadSchema,
  HostAttachPayloadSchema,
  HostClosePayloadSchema,
  HostCommandPayloadSchema,
  HostCreatePayloadSchema,
  HostKickPayloadSchema,
  HostLockPayloadSchema,
  type Ack,
  type VersionAckData,
} from '../../src/core/protocol';
import { loadHostableDeck, ownsClass } from '../../src/server/games';
import { loadQuestionSetDeck } from '../../src/server/insight/question-set-deck';
import { RoomDirectory } from '../rooms/directory';
import type { Room } from '../rooms/room';
import { hostRoom } from '../rooms/socket-transport';
import type { HandlerContext, RoomSocket } from './context';
import { err, on } from './on';

type HostCommand = Extract<CommandBody, { type: 'start' | 'next' | 'endQuestion' | 'endGame' | 'kick' | 'lock' | 'unlock' | 'grantSeat' | 'declineSeat' }>;

const SIGN_IN = err('unauthorized', 'Sign in to host a game.');

export function registerHostHandlers(socket: RoomSocket, ctx: HandlerContext): void {
  on(socket, 'host:create', HostCreatePayloadSchema, async (p) => {
    const user = socket.data.user;
    if (!user) return SIGN_IN;
    if (p.settings?.deckId !== undefined && p.settings.deckId !== p.deckId) {
      return err('bad_request', 'Invalid settings.deckId: must match deckId');
    }
    const settings = GameSettingsSchema.safeParse({ ...p.settings, deckId: p.deckId });
    if (!settings.success) return err('bad_request', 'Invalid settings');
    if ((await ctx.rooms.openRoomsOf(user.id)) >= ctx.maxRoomsPerHost) {
      return err('rate_limited', `You already have ${ctx.maxRoomsPerHost} open rooms; end one first.`);
    }
    // A saved question set (a class warm-up) plays exactly its cards; see src/server/insight/question-set-deck.ts.
    const deck = p.questionSetId
      ? await loadQuestionSetDeck(ctx.prisma, user, p.questionSetId)
      : await loadHostableDeck(ctx.prisma, user, p.deckId);
    if (!deck) return err('deck_not_found', 'No deck with that id that you can use.');
    if (p.classId && !(await ownsClass(ctx.prisma, user.id, p.classId))) {
      return err('class_not_found', 'No class with that id that you teach.');
    }
    if (RoomDirectory.questionCount(deck, settings.data) === 0) {
      return err('no_questions', 'No card of this deck can be asked with these settings (kinds, sections).');
    }
    const room = await ctx.rooms.create({
      hostId: user.id,
      deck,
      settings: settings.data,
      title: p.title ?? deck.title,
      classId: p.classId,
    });
    bindHost(room);
    return { ok: true, gameId: room.gameId, pin: room.pin };
  });

  on(
    socket,
    'host:attach',
    HostAttachPayloadSchema,
    async ({ gameId }) => {
      const user = socket.data.user;
      if (!user) return SIGN_IN;
      const room = await ctx.rooms.find(gameId);
      // why one answer: whether someone else's game is open is not this user's business.
      if (!room || room.closed || room.hostId !== user.id) {
        await ctx.lookupLimiter.take(socket.data.ip);
        return err('room_not_found', 'No open game of yours has that id.');
      }
      bindHost(room);
      return { ok: true, view: room.hostView() };
    },
    { before: async () => ((await ctx.lookupLimiter.blocked(socket.data.ip)) ? err('rate_limited', 'Too many attempts from your network; wait a minute.') : null) },
  );

  const command = (event: string, schema: typeof HostCommandPayloadSchema, body: HostCommand) =>
    on(socket, event, schema, ({ expectVersion }) => hostDispatch(body, expectVersion));
  command('host:start', HostCommandPayloadSchema, { type: 'start' });
  command('host:next', HostCommandPayloadSchema, { type: 'next' });
  command('host:end-question', HostCommandPayloadSchema, { type: 'endQuestion' });
  command('host:end-game', HostCommandPayloadSchema, { type: 'endGame' });
  on(socket, 'host:kick', HostKickPayloadSchema, ({ playerId, expectVersion }) => hostDispatch({ type: 'kick', playerId }, expectVersion));
  on(socket, 'host:close', HostClosePayloadSchema, async () => {
    const gameId = socket.data.hostGameId;
    const user = socket.data.user;
    const room = gameId ? ctx.rooms.get(gameId) : undefined;
    if (!gameId || !user || (room && room.hostId !== user.id)) return err('not_host', 'Only the host can do that.');
    if (!room || room.closed) return err('room_not_found', 'That game is not open.');
    await ctx.rooms.close(room, 'closed');
    return { ok: true };
  });
  on(socket, 'host:answer-seat', HostAnswerSeatPayloadSchema, ({ requestId, grant }) =>
    hostDispatch({ type: grant ? 'grantSeat' : 'declineSeat', requestId }, undefined),
  );
  on(socket, 'host:lock', HostLockPayloadSchema, ({ locked, expectVersion }) =>
    hostDispatch({ type: locked ? 'lock' : 'unlock' }, expectVersion),
  );

  async function hostDispatch(body: HostCommand, expectVersion: number | undefined): Promise<Ack<VersionAckData>> {
    const gameId = socket.data.hostGameId;
    const user = socket.data.user;
    const room = gameId ? ctx.rooms.get(gameId) : undefined;
    if (!gameId || !user) return err('not_host', 'Only the host can do that.');
    if (!room || room.closed) return err('room_not_found', 'That game is not open.');
    if (room.hostId !== user.id) return err('not_host', 'Only the host can do that.');
    const reply = await room.dispatch({ ...body, expectVersion, actor: { role: 'host' } });
    return reply.ok ? { ok: true, version: reply.version } : reply;
  }

  function bindHost(room: Room): void {
    if (socket.data.hostGameId === room.gameId) return;
    unbindHost(socket, ctx);
    socket.data.hostGameId = room.gameId;
    void socket.join(hostRoom(room.gameId));
    room.hostAttached(1);
  }
}

export function unbindHost(socket: RoomSocket, ctx: HandlerContext): void {
  const gameId = socket.data.hostGameId;
  if (!gameId) return;
  socket.data.hostGameId = undefined;
  void socket.leave(hostRoom(gameId));
  ctx.rooms.get(gameId)?.hostAttached(-1);
}
