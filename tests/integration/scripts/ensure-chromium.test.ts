import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs the first step of `npm test` as a newcomer's machine would. */
function run(env: Record<string, string>) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-chromium.ts'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('npm test checks for the browser before anything runs', () => {
  it('stops with one line naming what to do when the browser is missing', () => {
    const r = run({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('/nonexistent/chromium');
    expect(lines[0]).toContain('apt-get install -y chromium');
  });

  it('passes quietly when the browser is there', () => {
    const r = run({ CHROMIUM_PATH: process.execPath });
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
  });
});
