import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshDatabase } from './database';

export interface TestServer {
  url: string;
  port: number;
  /** The server's process id (for reading its memory from /proc). */
  pid: number;
  /** The server's DATA_DIR (its auth secret would live here; the database does not). */
  dataDir: string;
  /** The server's DATABASE_URL (SQLite file or PostgreSQL database, as the run's TEST_DB says). */
  databaseUrl: string;
  /** Everything the server printed so far (for assertions on logs and for debugging failures). */
  output(): string;
  stop(): Promise<void>;
  /** SIGKILL, as a crash or a pulled plug of the process would: nothing is flushed; the database stays. */
  kill(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * Starts the real server (`server/index.ts`) as a child process on a random port. Its database is
 * a fresh one of the run's engine (helpers/database.ts), dropped by stop(); or, with `databaseUrl`
 * (or `env.DATABASE_URL`), one the caller owns and removes, e.g. to restart a server on the same
 * data. Pages are off unless `serveNext` is set (they need `next build` first).
 */
export async function startTestServer(
  opts: { serveNext?: boolean; databaseUrl?: string; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<TestServer> {
  const given = opts.databaseUrl ?? opts.env?.DATABASE_URL;
  const owned = given === undefined ? await freshDatabase() : null;
  const databaseUrl = given ?? owned!.url;
  const dataDir = fs.mkdtempSync(path.join(process.env.STUDYROOM_TEST_TMP ?? os.tmpdir(), 'studyroom-it-'));
  let out = '';
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: opts.serveNext ? 'production' : 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: 'integration-test-secret-0123456789abcdef',
      SERVE_NEXT: opts.serveNext ? 'true' : 'false',
      NEXT_TELEMETRY_DISABLED: '1',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));

  const removeData = async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await owned?.drop();
  };
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /ready on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  }).catch(async (err: unknown) => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    await removeData();
    throw err;
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    dataDir,
    databaseUrl,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await removeData();
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
