/**
 * A throwaway redis-server for tests and benchmarks: started on a free port on 127.0.0.1 in a temp
 * folder, with nothing written to disk (`--save '' --appendonly no`), killed by stop(). Debian's
 * binary (apt-get install redis-server) is /usr/bin/redis-server; REDIS_SERVER_BIN overrides.
 *
 * Never an orphan: the server is started through `setpriv --pdeathsig KILL` (util-linux) when it is
 * there, so the kernel kills it when the process that started it dies, even by SIGKILL or a test
 * worker being torn down; and every server still running when this process exits is killed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './postgres-cluster';

export interface RedisServer {
  /** redis://127.0.0.1:<port> */
  url: string;
  port: number;
  /** The redis-server's process id (changes with restart()). */
  pid(): number | null;
  /** Stops it (SIGTERM, SIGKILL after 2 s) and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
  /** Stops it without removing anything, as a crashed or restarted Redis would be gone. Data is lost (no persistence). */
  halt(opts?: { signal?: 'SIGTERM' | 'SIGKILL' }): Promise<void>;
  /** Starts it again on the same port (after halt(), or stops it first): "Redis restarted mid-game". */
  restart(): Promise<void>;
  /** Everything the server printed (for failures). */
  output(): string;
}

export const REDIS_INSTALL_HINT = 'install Redis (Debian: apt-get install -y redis-server) or set REDIS_SERVER_BIN to the redis-server binary';

/** The redis-server binary, or null when Redis is not installed. */
export function redisServerBin(): string | null {
  const given = process.env.REDIS_SERVER_BIN;
  if (given) return fs.existsSync(given) ? given : null;
  for (const dir of ['/usr/bin', '/usr/local/bin', ...(process.env.PATH ?? '').split(':').filter(Boolean)]) {
    const p = path.join(dir, 'redis-server');
    if (fs.existsSync(p)) return p;
  }
  return null;
}

const live = new Set<ChildProcess>();
let exitHook = false;
function killAllAtExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const c of live) {
      try {
        c.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

let setprivChecked: boolean | null = null;
function hasSetpriv(): boolean {
  setprivChecked ??= spawnSync('setpriv', ['--help'], { encoding: 'utf8' }).stdout?.includes('--pdeathsig') ?? false;
  return setprivChecked;
}

/** Resolves once something answers PING on the port with PONG. */
async function pingOnce(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    let buf = '';
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(timeoutMs, () => done(false));
    s.once('error', () => done(false));
    s.once('connect', () => s.write('PING\r\n'));
    s.on('data', (d) => {
      buf += d;
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
  });
}

export async function startRedisServer(opts: { port?: number; dir?: string } = {}): Promise<RedisServer> {
  const bin = redisServerBin();
  if (!bin) throw new Error(`redis-server not found: ${REDIS_INSTALL_HINT}`);
  killAllAtExit();
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-redis-'));
  fs.mkdirSync(dir, { recursive: true });
  const port = opts.port ?? (await freePort());
  let out = '';
  let child: ChildProcess | null = null;
  let removed = false;

  const launch = async () => {
    const args = [
      '--port', String(port),
      '--bind', '127.0.0.1',
      '--dir', dir,
      // why: a test server keeps nothing; a restart starts empty, as a Redis without persistence would.
      '--save', '',
      '--appendonly', 'no',
      '--protected-mode', 'no',
      '--daemonize', 'no',
      '--loglevel', 'warning',
    ];
    const [cmd, full] = hasSetpriv() ? ['setpriv', ['--pdeathsig', 'KILL', '--', bin, ...args]] : [bin, args];
    const c = spawn(cmd, full, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    live.add(c);
    c.stdout!.on('data', (d) => (out += d));
    c.stderr!.on('data', (d) => (out += d));
    c.once('exit', () => live.delete(c));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (c.exitCode !== null || c.signalCode !== null) throw new Error(`redis-server exited at start (port ${port}):\n${out}`);
      if (await pingOnce(port)) return;
      if (Date.now() > deadline) {
        c.kill('SIGKILL');
        throw new Error(`redis-server did not answer PING within 10 s (port ${port}):\n${out}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const halt = async ({ signal = 'SIGTERM' }: { signal?: 'SIGTERM' | 'SIGKILL' } = {}) => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill(signal);
    const timer = setTimeout(() => c.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await launch();
  } catch (err) {
    await halt({ signal: 'SIGKILL' });
    if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: () => child?.pid ?? null,
    output: () => out,
    halt,
    async restart() {
      if (removed) throw new Error('redis-server was stopped for good (stop()); start a new one');
      await halt();
      await launch();
    },
    async stop() {
      await halt();
      if (!removed && !opts.dir) fs.rmSync(dir, { recursive: true, force: true });
      removed = true;
    },
  };
}
