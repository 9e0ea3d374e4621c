/**
 * Review benchmark: `npm run bench:review [-- --cards 50000 --logs 1000000] [--db sqlite|postgres]`.
 *
 * Seeds one user in a fresh database (one deck of --cards cards, --logs review logs): an SQLite
 * file, or with `--db postgres` a database on a throwaway PostgreSQL cluster started for the run
 * (scripts/lib/postgres-cluster.ts) and stopped at the end. Starts the real server (production
 * build, SERVE_NEXT=true) on 127.0.0.1, then over HTTP measures getting the next card and rating
 * (2,000 each; p50/p95) and the stats request (median of 5 after a warm-up). The last line printed
 * is one JSON object with the figures and the engine ("db"). Not part of `npm test`.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../../scripts/lib/postgres-cluster';
import { seedReviewData, seedReviewDataPostgres } from './seed';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
}

function engineArg(): 'sqlite' | 'postgres' {
  const i = process.argv.indexOf('--db');
  const v = i >= 0 ? process.argv[i + 1] : 'sqlite';
  if (v !== 'sqlite' && v !== 'postgres') throw new Error('--db must be sqlite or postgres');
  return v;
}

const DB = engineArg();
const CARDS = arg('cards', 50_000);
const LOGS = arg('logs', 1_000_000);
const SAMPLES = arg('samples', 2_000);
const root = process.cwd();
const log = (msg: string) => console.log(`[bench:review] ${msg}`);

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[i]! * 100) / 100;
}

function ensureBuild() {
  if (fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) return;
  log('no production build found: running `npm run build`');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('build failed');
}

async function main() {
  ensureBuild();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-review-'));
  const file = path.join(dir, 'bench.db');
  let cluster: PostgresCluster | null = null;
  let databaseUrl = `file:${file}`;
  if (DB === 'postgres') {
    log('starting a throwaway PostgreSQL cluster…');
    cluster = await startPostgresCluster();
    process.on('exit', () => cluster?.stop());
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE bench');
    await admin.end();
    databaseUrl = cluster.urlFor('bench');
  }
  const mig = spawnSync(path.join(root, 'node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (mig.status !== 0) throw new Error(`migrate failed:\n${mig.stdout}\n${mig.stderr}`);

  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SERVE_NEXT: 'true',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789',
      RATE_LIMIT_SIGN_UP: '100/60',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 120_000);
      child.stdout.on('data', () => {
        const m = /ready on http:\/\/localhost:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    let cookie = '';
    const call = async (method: string, url: string, body?: unknown, retried = false): Promise<any> => {
      const res = await fetch(base + url, {
        method,
        headers: { origin: base, ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      }).catch((err) => {
        // why: a keep-alive socket the server closed while we were seeding fails once; retry it.
        if (retried) throw err;
        return null;
      });
      if (!res) return call(method, url, body, true);
      const setCookies = res.headers.getSetCookie();
      if (setCookies.length) cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
      const data = await res.json().catch(() => null);
      if (!res.ok) throw new Error(`${method} ${url} -> ${res.status} ${JSON.stringify(data)}`);
      return data;
    };

    await call('POST', '/api/auth/sign-up/email', { email: 'bench@example.com', password: 'bench-password', name: 'Bench' });
    const userId: string = (await call('GET', '/api/auth/get-session')).user.id;
    log(`seeding ${CARDS} cards and ${LOGS} logs…`);
    const t0 = performance.now();
    const seedOptions = { userId, cards: CARDS, logs: LOGS, now: new Date() };
    const seeded = DB === 'postgres' ? await seedReviewDataPostgres(databaseUrl, seedOptions) : await seedReviewData(file, seedOptions);
    log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s (${seeded.studied} studied, ${seeded.dueNow} due now)`);

    for (let i = 0; i < 20; i++) await call('GET', '/api/review/queue');

    const nextTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const s = performance.now();
      await call('GET', '/api/review/queue');
      nextTimes.push(performance.now() - s);
    }
    log(`next card: ${SAMPLES} requests done`);

    const rateTimes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const q = await call('GET', '/api/review/queue');
      if (!q.card) throw new Error(`queue ran out of cards after ${i} ratings; seed more cards`);
      const s = performance.now();
      await call('POST', '/api/review/rate', {
        cardId: q.card.id,
        rating: 3,
        clientId: randomUUID(),
        expectedVersion: q.card.version,
        durationMs: 4000,
      });
      rateTimes.push(performance.now() - s);
    }
    log(`rate: ${SAMPLES} ratings done`);

    await call('GET', '/api/stats');
    const statsTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      await call('GET', '/api/stats');
      statsTimes.push(performance.now() - s);
    }

    nextTimes.sort((a, b) => a - b);
    rateTimes.sort((a, b) => a - b);
    statsTimes.sort((a, b) => a - b);
    log(`load average during run: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
    console.log(
      JSON.stringify({
        db: DB,
        cards: CARDS,
        logs: LOGS,
        nextCardP50Ms: percentile(nextTimes, 50),
        nextCardP95Ms: percentile(nextTimes, 95),
        rateP50Ms: percentile(rateTimes, 50),
        rateP95Ms: percentile(rateTimes, 95),
        statsMs: percentile(statsTimes, 50),
      }),
    );
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 300));
    cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
