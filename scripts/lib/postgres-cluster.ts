/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temp folder, started on a
 * free port on 127.0.0.1, removed by stop(). Debian's binaries (apt-get install postgresql) live
 * in /usr/lib/postgresql/<version>/bin; PG_BIN overrides. PostgreSQL refuses to run as root, so as
 * root the cluster runs as the `postgres` user the Debian package creates.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PostgresCluster {
  /** postgresql://postgres@127.0.0.1:<port>/postgres */
  adminUrl: string;
  port: number;
  /** A URL for database `name` on this cluster. */
  urlFor(name: string): string;
  stop(): void;
}

export const INSTALL_HINT = 'install PostgreSQL 15+ (Debian: apt-get install -y postgresql) or set PG_BIN to its bin folder';

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export function postgresBin(): string | null {
  if (process.env.PG_BIN) return fs.existsSync(path.join(process.env.PG_BIN, 'pg_ctl')) ? process.env.PG_BIN : null;
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => Number(v) >= 15 && fs.existsSync(path.join(base, v, 'bin', 'pg_ctl')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgresCluster(opts: { port?: number; dir?: string } = {}): Promise<PostgresCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error(`PostgreSQL binaries not found: ${INSTALL_HINT}`);
  const asRoot = process.getuid?.() === 0;
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'studyroom-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) {
    fs.chmodSync(dir, 0o755);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]] as const : [path.join(bin, cmd), args] as const;
    const r = spawnSync(full[0], full[1], { encoding: 'utf8', cwd: dir });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  if (!fs.existsSync(path.join(data, 'PG_VERSION'))) run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale']);
  const port = opts.port ?? (await freePort());
  // why these settings: a test cluster trades durability for speed (fsync off); the socket lives
  // in the temp folder so nothing touches /var/run; enough connections for several app nodes.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already down: removing the folder is what matters
    }
    if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
  };
  const urlFor = (name: string) => `postgresql://postgres@127.0.0.1:${port}/${name}`;
  return { adminUrl: urlFor('postgres'), port, urlFor, stop };
}
