'use client';
/**
 * Browser side of the live room protocol (docs/protocol.md): one typed Socket.IO client per
 * screen, a promise wrapper for acked events, and a server-clock estimate for countdowns.
 */
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type ClientToServerEvents,
  type ErrorCode,
  type ServerToClientEvents,
} from '@/core/protocol';

export type GameSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

type EventArgs<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>;
type AckOf<E extends keyof ClientToServerEvents> = Parameters<EventArgs<E>[1]>[0];

const ACK_TIMEOUT_MS = 8000;

/** The ack a request resolves with when the server never answered. */
function timeoutAck(): { ok: false; code: ErrorCode; message: string } {
  return { ok: false, code: 'internal', message: 'The server did not answer. Check your connection and try again.' };
}

/** Emits an acked event; resolves with the ack, or an `internal` error after a timeout (never rejects). */
export function request<E extends keyof ClientToServerEvents>(
  socket: GameSocket,
  event: E,
  payload: EventArgs<E>[0],
): Promise<AckOf<E>> {
  return new Promise((resolve) => {
    // why: the typed emit cannot express "payload + ack with timeout" generically; the event map still types the call site.
    const loose = socket as unknown as Socket;
    loose.timeout(ACK_TIMEOUT_MS).emit(event, payload, (err: unknown, ack: Ack) => {
      resolve((err || !ack || typeof ack !== 'object' ? timeoutAck() : ack) as AckOf<E>);
    });
  });
}

export function createGameSocket(): GameSocket {
  return io({
    auth: { protocolVersion: PROTOCOL_VERSION },
    transports: ['websocket', 'polling'],
  }) as GameSocket;
}

/**
 * Estimates `serverNow - localNow`. Every sample (a ping's serverTs, or a view's
 * deadline − remainingMs) is the server time some one-way latency ago, so each one
 * underestimates; the largest recent sample is the closest. A phone with a wrong clock
 * still counts down right because only this offset, never the local wall time, is trusted.
 */
export class ServerClock {
  private samples: number[] = [];

  /** `localNow` is injectable for tests; the browser uses Date.now. */
  constructor(private readonly localNow: () => number = () => Date.now()) {}

  sample(serverTs: number, localTs = this.localNow()) {
    this.samples.push(serverTs - localTs);
    if (this.samples.length > 8) this.samples.shift();
  }

  get offset(): number {
    return this.samples.length ? Math.max(...this.samples) : 0;
  }

  now(): number {
    return this.localNow() + this.offset;
  }

  /** Milliseconds left until a server-clock deadline, ≥ 0. */
  remaining(deadline: number): number {
    return Math.max(0, deadline - this.now());
  }
}

/** Feeds a view's question timing into the clock (only while the question is open). */
export function sampleView(clock: ServerClock, view: { question: { deadline: number; remainingMs: number } | null; phase: string }) {
  const q = view.question;
  if (view.phase === 'question' && q && q.remainingMs > 0) clock.sample(q.deadline - q.remainingMs);
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

/**
 * One socket for the lifetime of the component. `onConnect` runs on the first connect and on every
 * reconnect (that is where a screen attaches or rejoins). Answers `sys:ping` so the server can
 * credit latency, and samples the server clock from it.
 */
export function useGameSocket(onConnect: (socket: GameSocket) => void) {
  const [socket, setSocket] = useState<GameSocket | null>(null);
  const [state, setState] = useState<ConnectionState>('connecting');
  const [failure, setFailure] = useState<string | null>(null);
  const clockRef = useRef(new ServerClock());
  const onConnectRef = useRef(onConnect);
  useEffect(() => {
    onConnectRef.current = onConnect;
  });

  useEffect(() => {
    const s = createGameSocket();
    const clock = clockRef.current;
    s.on('connect', () => {
      setState('connected');
      setFailure(null);
      onConnectRef.current(s);
    });
    s.on('disconnect', () => setState('reconnecting'));
    s.on('connect_error', (err) => {
      if (err.message === 'protocol_mismatch') {
        setFailure('This page is out of date. Reload it to get the new version.');
        setState('failed');
        s.disconnect();
        return;
      }
      setState((prev) => (prev === 'connecting' ? 'connecting' : 'reconnecting'));
    });
    s.on('sys:ping', (payload, ack) => {
      if (typeof ack === 'function') ack();
      if (payload && typeof payload.serverTs === 'number') clock.sample(payload.serverTs);
    });
    // why: a phone that loses its network is only noticed by the ping timeout (~18 s); the
    // browser's own offline event lets the banner show at once.
    const onOffline = () => setState('reconnecting');
    const onOnline = () => setState(s.connected ? 'connected' : 'reconnecting');
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    setSocket(s);
    return () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
    };
  }, []);

  return { socket, state, failure, clock: clockRef.current };
}
