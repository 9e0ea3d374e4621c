import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  databaseUrl: string;
  /** The server process's id (to read its memory use from /proc). */
  pid: number;
  /** Everything the server printed so far (for assertions on logs and for debugging failures). */
  output(): string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../../..');
let templateDb: string | null = null;

/**
 * Creates a migrated SQLite file at `file` with the built-in decks loaded, as `npm start` would.
 * Shared by the child-process test server and the in-process route-handler harnesses.
 */
export function prepareDatabase(file: string): void {
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  const r = spawnSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`prisma migrate deploy failed:\n${r.stdout}\n${r.stderr}`);
  const load = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/load-content.ts'], { cwd: root, env, encoding: 'utf8' });
  if (load.status !== 0) throw new Error(`loading built-in decks failed:\n${load.stdout}\n${load.stderr}`);
}

/** Prepare one database per test file, then copy it for each server (preparing takes seconds). */
function migratedTemplate(): string {
  if (templateDb && fs.existsSync(templateDb)) return templateDb;
  // Under vitest the run's own temp folder holds it (removed by temp-root.ts); a script that
  // exits normally (bench:room) removes its own.
  const parent = process.env.STUDYROOM_TEST_TMP ?? os.tmpdir();
  const dir = fs.mkdtempSync(path.join(parent, 'studyroom-template-'));
  const file = path.join(dir, 'template.db');
  if (!process.env.STUDYROOM_TEST_TMP) process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  prepareDatabase(file);
  templateDb = file;
  return file;
}

/**
 * Starts the real server (`server/index.ts`) as a child process on a random port with a fresh
 * SQLite file. Pages are off unless `serveNext` is set (they need `next build` first).
 */
export async function startTestServer(
  opts: { serveNext?: boolean; env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-it-'));
  const dbFile = path.join(dataDir, 'app.db');
  fs.copyFileSync(migratedTemplate(), dbFile);
  const databaseUrl = `file:${dbFile}`;
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
      // why: a second and a half per server start, for every test file; warm-up.test.ts and bench:room turn it on.
      ROOM_WARM_UP: 'false',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));

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
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    databaseUrl,
    pid: child.pid!,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
