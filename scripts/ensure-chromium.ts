/**
 * First step of `npm test`: the browser tests need Debian's Chromium (never a downloaded one).
 * When it is missing, install it the way `.ci/run` does (root with apt), or stop before any test
 * runs with one line naming the command, so a newcomer never gets a wall of failing browser tests.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function sh(cmd: string): boolean {
  return spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

if (!executable(browser)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const canApt = executable('/usr/bin/apt-get');
  if (process.env.CHROMIUM_PATH || !isRoot || !canApt) {
    console.error(
      process.env.CHROMIUM_PATH
        ? `No browser at CHROMIUM_PATH=${browser}: point it at a Chromium binary, or unset it and run \`sudo apt-get install -y chromium\`.`
        : 'The browser tests need Debian Chromium at /usr/bin/chromium: run `sudo apt-get update && sudo apt-get install -y chromium`, then `npm test` again.',
    );
    process.exit(1);
  }
  console.log('== Installing Debian Chromium for the browser tests (apt-get install chromium)');
  if (!sh('apt-get update -qq && apt-get install -y -qq chromium >/dev/null') || !executable(browser)) {
    console.error('Installing Chromium failed: run `apt-get update && apt-get install -y chromium` as root, then `npm test` again.');
    process.exit(1);
  }
}
