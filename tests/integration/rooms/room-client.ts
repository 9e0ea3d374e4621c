/** Small socket.io-client wrappers for room tests: a host and players that record what they receive. */
import { io as connect, type Socket } from 'socket.io-client';
import type { HostView, PlayerView } from '@/core/game';
import { HttpClient } from '../helpers/http';

let seq = 0;

export interface Received {
  event: string;
  payload: unknown;
}

export class RoomClient {
  readonly socket: Socket;
  /** Every event payload this socket received, in order (the payload tap). */
  readonly received: Received[] = [];
  private waiters: Array<{ pred: (v: any) => boolean; resolve: (v: any) => void }> = [];
  lastView: any = null;

  /** `polling`: HTTP long-polling only, like a browser behind a proxy that blocks WebSockets. */
  constructor(url: string, opts: { cookie?: string; auth?: Record<string, unknown>; polling?: boolean } = {}) {
    this.socket = connect(url, {
      transports: opts.polling ? ['polling'] : ['websocket'],
      reconnection: false,
      forceNew: true,
      auth: opts.auth ?? { protocolVersion: 1 },
      extraHeaders: opts.cookie ? { cookie: opts.cookie } : {},
    });
    this.socket.onAny((event: string, ...args: unknown[]) => {
      const payload = args.find((a) => typeof a !== 'function');
      this.received.push({ event, payload });
      if (event === 'room:view') {
        this.lastView = payload;
        this.waiters = this.waiters.filter((w) => {
          if (!w.pred(payload)) return true;
          w.resolve(payload);
          return false;
        });
      }
      // Latency probe: acknowledge at once, like a real client.
      const ack = args[args.length - 1];
      if (event === 'sys:ping' && typeof ack === 'function') ack();
    });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  /** Emits with an ack, failing the test after 10 s. */
  async emit<T = any>(event: string, payload?: unknown): Promise<T> {
    const ack = await this.socket.timeout(10_000).emitWithAck(event, payload);
    // Acks are part of what a client receives: the tap records them too.
    this.received.push({ event: `ack:${event}`, payload: ack });
    return ack as T;
  }

  /** The next (or current) room:view that satisfies `pred`. */
  view<V = PlayerView | HostView>(pred: (v: any) => boolean, timeoutMs = 10_000): Promise<V> {
    if (this.lastView && pred(this.lastView)) return Promise.resolve(this.lastView);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching view; last: ${JSON.stringify(this.lastView)?.slice(0, 300)}`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      });
    });
  }

  events(name: string): unknown[] {
    return this.received.filter((r) => r.event === name).map((r) => r.payload);
  }

  close(): void {
    this.socket.close();
  }
}

/** Signs up a fresh user and returns a connected socket carrying their session cookie. */
export async function signedInClient(url: string, name = 'Host', role: 'student' | 'instructor' = 'instructor') {
  const http = new HttpClient(url);
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${++seq}-${Date.now()}@example.com`;
  const res = await http.signUp(email, 'password-123', name, role);
  if (res.status !== 200) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  const me = await (res.json as Promise<any> | any);
  const client = new RoomClient(url, { cookie: http.cookieHeader() });
  await client.connected();
  return { client, http, userId: me?.user?.id as string };
}

export async function guest(url: string, opts: { polling?: boolean } = {}): Promise<RoomClient> {
  const c = new RoomClient(url, opts);
  await c.connected();
  return c;
}
