import { expect, test, type Page } from '@playwright/test';

/**
 * Every main page loads under the server's Content-Security-Policy with no violation (the
 * browser's `securitypolicyviolation` events and console errors both count) and carries the
 * security headers. Covers the live parts too: the host screen (QR code as a data: URL, Socket.IO
 * over a same-origin websocket) and a player's game screen.
 */
type Watched = { violations: string[]; consoleErrors: string[] };

async function watch(page: Page): Promise<Watched> {
  const w: Watched = { violations: [], consoleErrors: [] };
  await page.exposeFunction('__reportCsp', (v: string) => w.violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp(v: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) w.consoleErrors.push(m.text());
  });
  return w;
}

async function visit(page: Page, path: string, ready: () => Promise<void>) {
  const res = await page.goto(path);
  expect(res, path).not.toBeNull();
  const h = res!.headers();
  expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
  expect(h['x-frame-options'], path).toBe('DENY');
  expect(h['x-content-type-options'], path).toBe('nosniff');
  expect(h['referrer-policy'], path).toBe('same-origin');
  expect(h['permissions-policy'], path).toContain('camera=()');
  await ready();
}

test('every main page runs under the CSP with no violations and sends the security headers', async ({ browser }) => {
  const hostContext = await browser.newContext();
  const host = await hostContext.newPage();
  const seen = await watch(host);

  await visit(host, '/', async () => {
    await expect(host.getByRole('heading').first()).toBeVisible();
  });
  await visit(host, '/sign-in', async () => {
    await expect(host.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });
  await visit(host, '/sign-up', async () => {
    await expect(host.getByRole('heading', { name: 'Create your account' })).toBeVisible();
  });
  await host.getByLabel('Display name').fill('Csp Host');
  await host.getByLabel('Email').fill(`csp-${Date.now()}@example.com`);
  await host.getByLabel('Password').fill('a-good-password');
  await host.getByLabel(/Instructor/).check();
  await host.getByRole('button', { name: 'Sign up' }).click();
  await expect(host.getByTestId('current-user')).toContainText('Csp Host');

  for (const path of ['/review', '/review/study', '/stats', '/decks', '/classes', '/settings']) {
    await visit(host, path, async () => {
      await expect(host.locator('main')).toBeVisible();
      await host.waitForLoadState('networkidle');
    });
  }

  await visit(host, '/host', async () => {
    await expect(host.getByRole('button', { name: 'Open the room' })).toBeVisible();
  });
  await host.getByLabel('Deck').selectOption('sqs');
  await host.getByRole('button', { name: 'Open the room' }).click();
  await host.waitForURL(/\/host\/[^/]+$/);
  await expect(host.getByTestId('join-qr')).toBeVisible();
  const pin = (await host.getByTestId('game-pin').innerText()).trim();
  const hostPath = new URL(host.url()).pathname;
  await visit(host, hostPath, async () => {
    await expect(host.getByTestId('join-qr')).toBeVisible();
  });

  const playerContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const player = await playerContext.newPage();
  const playerSeen = await watch(player);
  await visit(player, `/play/${pin}`, async () => {
    await player.getByLabel('Nickname').fill('Csp Player');
    await player.getByRole('button', { name: 'Join game' }).click();
    await expect(player.getByRole('heading', { name: "You're in!" })).toBeVisible();
  });
  await expect(host.getByTestId('player-count')).toHaveText('1');

  expect(seen.violations).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
  expect(playerSeen.violations).toEqual([]);
  expect(playerSeen.consoleErrors).toEqual([]);
  await playerContext.close();
  await hostContext.close();
});
