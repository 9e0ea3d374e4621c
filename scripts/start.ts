/**
 * `npm start`: migrate the database, load the built-in decks, build when the sources changed,
 * then serve. `npm run dev` does the same without the build, with Next in development mode.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dev = process.argv.includes('--dev');
(process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production';
process.env.NEXT_TELEMETRY_DISABLED = '1';

const root = process.cwd();
const dataDir = path.resolve(process.env.DATA_DIR ?? 'data');
fs.mkdirSync(dataDir, { recursive: true });
process.env.DATABASE_URL ??= `file:${path.join(dataDir, 'app.db')}`;

// A local install gets its own secret, kept beside the database (see README "Configuration").
if (!process.env.BETTER_AUTH_SECRET) {
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  process.env.BETTER_AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}

function run(cmd: string, args: string[], what: string) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.error(`\n${what} failed (exit ${r.status ?? r.signal}).`);
    process.exit(1);
  }
  console.log(`${what} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

run(bin('prisma'), ['migrate', 'deploy'], 'Database migrations');
run(process.execPath, ['--import', 'tsx', 'scripts/load-content.ts'], 'Built-in decks');

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

if (!dev) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(root, 'src')),
    newestMtime(path.join(root, 'public')),
    ...['next.config.mjs', 'package-lock.json', 'postcss.config.mjs'].map((f) =>
      fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0,
    ),
  );
  if (sources > builtAt) run(bin('next'), ['build'], 'Production build');
  else console.log('Production build is up to date');
}

await import('../server/index');
