/**
 * Several real server processes (helpers/test-server.ts) as one install: one shared PostgreSQL
 * database, one Redis (REDIS_URL), the same BETTER_AUTH_SECRET, behind a TCP load balancer
 * (helpers/tcp-balancer.ts). Each node can be SIGKILLed, stopped or started again.
 *
 *   const cluster = await startTestCluster({ nodes: 2 });
 *   const c = io(cluster.url, { transports: ['websocket'] });   // lands on a or b
 *   cluster.balancer.pinNext('b');                              // the next connection: node b
 *   await cluster.kill('a');                                    // SIGKILL, out of the balancer
 *   await cluster.stop();
 *
 * Multi-node test files need the shared PostgreSQL database: list them in vitest.config.ts's
 * postgresOnly (they run in the PostgreSQL pass, `npm run test:integration:pg`). Gate them with
 * `describe.skipIf(skipWithoutRedis())` (helpers/redis-server.ts).
 */
import { freshDatabase, testEngine, type TestDatabase } from './database';
import { startTestRedis, type RedisServer } from './redis-server';
import { startTcpBalancer, type BalancerPolicy, type TcpBalancer } from './tcp-balancer';
import { startTestServer, type TestServer } from './test-server';

export interface ClusterNode {
  /** "a", "b", "c", … (also its name in the balancer) */
  name: string;
  server: TestServer;
  /** The node's own address, bypassing the balancer. */
  url: string;
}

export interface TestCluster {
  /** The balancer's address: what clients use. */
  url: string;
  balancer: TcpBalancer;
  /** The cluster's own redis-server (null when `redisUrl` was given). */
  redis: RedisServer | null;
  redisUrl: string;
  /** The shared database (owned by the cluster unless `databaseUrl` was given). */
  databaseUrl: string;
  /** The nodes that are running (a killed or stopped node leaves this list). */
  nodes(): readonly ClusterNode[];
  node(name: string): ClusterNode;
  /** Starts one more node (or a killed one again, under its old name) and adds it to the balancer. */
  startNode(name?: string, env?: Record<string, string>): Promise<ClusterNode>;
  /** SIGKILL, as a crash would; the node leaves the balancer. */
  kill(name: string): Promise<void>;
  /** SIGTERM (a clean shutdown, as a deploy would); the node leaves the balancer first. */
  stopNode(name: string): Promise<void>;
  /** Everything every node printed, labelled (for failures). */
  output(): string;
  /** Stops every node, the balancer, the cluster's Redis and database. */
  stop(): Promise<void>;
}

const names = 'abcdefghij';

export async function startTestCluster(
  opts: {
    nodes?: number;
    /** Environment for every node (RATE_LIMIT_*, …). */
    env?: Record<string, string>;
    /** Extra environment per node. */
    nodeEnv?: (name: string) => Record<string, string>;
    /** Use this Redis instead of starting one. */
    redisUrl?: string;
    /** Use this database (the caller drops it) instead of a fresh one. */
    databaseUrl?: string;
    /** Serve Next's pages and API routes (needs `next build`). */
    serveNext?: boolean;
    policy?: BalancerPolicy;
  } = {},
): Promise<TestCluster> {
  if (!opts.databaseUrl && testEngine() !== 'postgres') {
    throw new Error('multi-node tests share one PostgreSQL database: run them with TEST_DB=postgres and list the file in vitest.config.ts postgresOnly');
  }
  const count = opts.nodes ?? 2;
  let db: TestDatabase | null = null;
  let redis: RedisServer | null = null;
  let balancer: TcpBalancer | null = null;
  const running = new Map<string, ClusterNode>();
  const logs = new Map<string, () => string>();

  const stopAll = async () => {
    await Promise.allSettled([...running.values()].map((n) => n.server.kill()));
    // why kill then stop: stop() also removes each node's data folder; kill() first keeps a node
    // from writing while the database is being dropped.
    await Promise.allSettled([...running.values()].map((n) => n.server.stop()));
    running.clear();
    await balancer?.close();
    await redis?.stop();
    await db?.drop();
  };

  try {
    db = opts.databaseUrl ? null : await freshDatabase();
    const databaseUrl = opts.databaseUrl ?? db!.url;
    redis = opts.redisUrl ? null : await startTestRedis();
    const redisUrl = opts.redisUrl ?? redis!.url;
    balancer = await startTcpBalancer([], { policy: opts.policy });
    const lb = balancer;

    const startNode = async (name?: string, env: Record<string, string> = {}): Promise<ClusterNode> => {
      const n = name ?? [...names].find((c) => !running.has(c) && !logs.has(c)) ?? `n${running.size}`;
      if (running.has(n)) throw new Error(`node ${n} is running`);
      const server = await startTestServer({
        serveNext: opts.serveNext,
        databaseUrl,
        // nodeEnv may give a node its own way to Redis (e.g. a proxy a test can cut).
        env: { ...opts.env, REDIS_URL: redisUrl, ...opts.nodeEnv?.(n), ...env },
      });
      const node = { name: n, server, url: server.url };
      running.set(n, node);
      const prev = logs.get(n);
      logs.set(n, () => `${prev ? prev() : ''}${server.output()}`);
      if (!lb.backends().some((b) => b.name === n)) lb.add({ name: n, port: server.port });
      return node;
    };

    await Promise.all(Array.from({ length: count }, (_, i) => startNode(names[i])));
    const get = (name: string) => {
      const n = running.get(name);
      if (!n) throw new Error(`no running node ${name}`);
      return n;
    };

    return {
      url: lb.url,
      balancer: lb,
      redis,
      redisUrl,
      databaseUrl,
      nodes: () => [...running.values()].sort((x, y) => x.name.localeCompare(y.name)),
      node: get,
      startNode: (name, env) => {
        if (name) lb.remove(name); // a restarted node has a new port
        return startNode(name, env);
      },
      async kill(name) {
        const n = get(name);
        lb.remove(name);
        running.delete(name);
        await n.server.kill();
        await n.server.stop(); // removes its data folder; the shared database stays
      },
      async stopNode(name) {
        const n = get(name);
        lb.remove(name);
        running.delete(name);
        await n.server.stop();
      },
      output: () => [...logs].map(([n, out]) => out().replace(/^/gm, `[${n}] `)).join('\n'),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
