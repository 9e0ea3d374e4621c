import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** `npm run test:integration:pg` on a machine without PostgreSQL's binaries (PG_BIN names none). */
function run(ci: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/test-integration-pg.ts'], {
    env: { ...process.env, PG_BIN: '/nonexistent/postgresql/bin', CI: ci },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('the PostgreSQL pass without PostgreSQL', () => {
  it('is skipped locally with one line saying how to install it', () => {
    const r = run('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/skipped.*apt-get install -y postgresql/);
  });

  it('fails under CI: a pass that did not run is not a pass', () => {
    const r = run('true');
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/CI needs the PostgreSQL pass.*apt-get install -y postgresql/);
  });
});
