/**
 * A small TCP load balancer for multi-node tests: listens on a free 127.0.0.1 port and hands each
 * incoming connection, whole, to one backend (layer 4, like a plain `mode tcp` HAProxy). A
 * Socket.IO client with transports ['websocket'] keeps one TCP connection, so it stays on the node
 * it landed on until that connection ends; a reconnect is a new connection and may land elsewhere.
 *
 * - Round-robin over the backends by default; `policy` (or `pinNext`) picks explicitly, e.g. "the
 *   next connection goes to node B".
 * - A backend that refuses (a killed node) is skipped: the connection goes to the next live one.
 * - Backends can be added and removed while running; remove() leaves open connections alone
 *   unless asked to drop them (drop()).
 */
import net from 'node:net';

export interface Backend {
  /** A name for policies and assertions ("a", "b"); defaults to the port as a string. */
  name: string;
  host: string;
  port: number;
}

/**
 * Picks the backend for connection number `n` (0-based) among the current ones; null or undefined:
 * the default round-robin. If the pick refuses, the others are tried in round-robin order after it.
 */
export type BalancerPolicy = (backends: readonly Backend[], n: number) => Backend | string | null | undefined;

export interface TcpBalancer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  backends(): readonly Backend[];
  add(backend: { port: number; host?: string; name?: string }): Backend;
  /** Stops sending new connections to it (open ones stay; see drop()). */
  remove(nameOrPort: string | number): void;
  /** Sends the next connection to this backend (then back to the policy). Several calls queue up. */
  pinNext(nameOrPort: string | number): void;
  setPolicy(policy: BalancerPolicy | null): void;
  /** Open client connections per backend name. */
  open(): Record<string, number>;
  /** Which backend each connection so far went to, in order (names). */
  history(): readonly string[];
  /** Closes every open connection to one backend (or all): clients see their connection end. */
  drop(nameOrPort?: string | number): void;
  close(): Promise<void>;
}

export async function startTcpBalancer(
  initial: Array<{ port: number; host?: string; name?: string }> = [],
  opts: { policy?: BalancerPolicy; connectTimeoutMs?: number } = {},
): Promise<TcpBalancer> {
  let list: Backend[] = [];
  let policy: BalancerPolicy | null = opts.policy ?? null;
  const pinned: string[] = [];
  const conns = new Map<net.Socket, { client: net.Socket; backend: Backend }>();
  const log: string[] = [];
  let n = 0;
  let rr = 0;
  const connectTimeout = opts.connectTimeoutMs ?? 2000;

  const matches = (b: Backend, key: string | number) => b.name === String(key) || String(b.port) === String(key);
  const find = (key: string | number) => list.find((b) => matches(b, key));
  const add = (b: { port: number; host?: string; name?: string }): Backend => {
    const backend = { name: b.name ?? String(b.port), host: b.host ?? '127.0.0.1', port: b.port };
    if (list.some((x) => x.name === backend.name)) throw new Error(`balancer: a backend named ${backend.name} exists`);
    list = [...list, backend];
    return backend;
  };
  for (const b of initial) add(b);

  /** The order to try backends in for one connection. */
  const order = (): Backend[] => {
    if (list.length === 0) return [];
    const i = n++;
    let first: Backend | undefined;
    const pin = pinned.shift();
    if (pin !== undefined) first = find(pin);
    if (!first && policy) {
      const p = policy(list, i);
      first = typeof p === 'string' ? find(p) : p ?? undefined;
    }
    const start = first ? Math.max(0, list.indexOf(first)) : rr++ % list.length;
    return [...list.slice(start), ...list.slice(0, start)];
  };

  const connectTo = (b: Backend) =>
    new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host: b.host, port: b.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error('connect timeout'));
      }, connectTimeout);
      s.once('connect', () => {
        clearTimeout(timer);
        s.removeAllListeners('error');
        resolve(s);
      });
      s.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });

  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    client.on('error', () => {});
    void (async () => {
      for (const b of order()) {
        if (client.destroyed) return;
        let upstream: net.Socket;
        try {
          upstream = await connectTo(b);
        } catch {
          continue; // refused or dead: the next one
        }
        if (client.destroyed) {
          upstream.destroy();
          return;
        }
        log.push(b.name);
        conns.set(upstream, { client, backend: b });
        const end = () => {
          conns.delete(upstream);
          client.destroy();
          upstream.destroy();
        };
        upstream.on('error', end);
        upstream.on('close', end);
        client.on('close', end);
        client.pipe(upstream);
        upstream.pipe(client);
        client.resume();
        return;
      }
      client.destroy(); // no backend took it
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    backends: () => list,
    add,
    remove(key) {
      const b = find(key);
      if (b) list = list.filter((x) => x !== b);
    },
    pinNext(key) {
      pinned.push(String(key));
    },
    setPolicy(p) {
      policy = p;
    },
    open() {
      const counts: Record<string, number> = {};
      for (const { backend } of conns.values()) counts[backend.name] = (counts[backend.name] ?? 0) + 1;
      return counts;
    },
    history: () => log,
    drop(key) {
      for (const [up, { client, backend }] of conns) {
        if (key !== undefined && !matches(backend, key)) continue;
        up.destroy();
        client.destroy();
      }
    },
    async close() {
      for (const [up, { client }] of conns) {
        up.destroy();
        client.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
