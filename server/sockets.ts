import type { Server, Socket } from 'socket.io';
import { fromNodeHeaders } from 'better-auth/node';
import { userFromHeaders, type SessionUser } from '../src/server/auth';
import { clientIp } from '../src/server/client-ip';

export interface SocketData {
  user: SessionUser | null;
  ip: string;
}

export interface SocketLayer {
  close(): Promise<void>;
}

/**
 * Identifies every connection from its session cookie (guests are allowed, with user = null),
 * then registers the event handlers.
 */
export async function attachSockets(io: Server, opts: { trustProxy: boolean }): Promise<SocketLayer> {
  io.use(async (socket: Socket, nextFn) => {
    try {
      socket.data.ip = clientIp(socket.request, opts.trustProxy);
      socket.data.user = await userFromHeaders(fromNodeHeaders(socket.handshake.headers));
      nextFn();
    } catch (err) {
      console.error('socket handshake failed', err);
      nextFn(new Error('handshake_failed'));
    }
  });

  io.on('connection', (socket) => {
    socket.on('sys:whoami', (ack: unknown) => {
      if (typeof ack !== 'function') return;
      const data = socket.data as SocketData;
      ack({ ok: true, user: data.user ? { id: data.user.id, name: data.user.name, role: data.user.role } : null });
    });
  });

  return { async close() {} };
}
