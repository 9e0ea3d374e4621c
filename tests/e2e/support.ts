import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

export async function signUp(page: Page, name: string, role: 'student' | 'instructor') {
  await page.goto('/sign-up');
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Email').fill(`${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`);
  await page.getByLabel('Password').fill('a-good-password');
  if (role === 'instructor') await page.getByLabel(/Instructor/).check();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByTestId('current-user')).toContainText(name);
}

export async function joinAsPlayer(browser: Browser, pin: string, nickname: string) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`/play/${pin}`);
  await page.getByLabel('Nickname').fill(nickname);
  await page.getByRole('button', { name: 'Join game' }).click();
  await expect(page.getByRole('heading', { name: "You're in!" })).toBeVisible();
  return page;
}

/**
 * axe-core on the page as it is now: no serious or critical violation. Motion is switched off
 * while it runs, because a half-faded element reads as low contrast mid-animation.
 */
export async function expectAccessible(page: Page, what: string) {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  try {
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 100)}`).join(' | ')}`);
    // why: soft, so one run lists every page's problems instead of stopping at the first page.
    expect.soft(bad, `axe on ${what}`).toEqual([]);
  } finally {
    await page.emulateMedia({ reducedMotion: null });
  }
}

/**
 * Guests on plain Socket.IO (as docs/protocol.md's bot), to fill a room like a class of 40
 * without 40 browsers. Each answers `pick` as soon as a question opens.
 */
export async function joinBots(baseURL: string, pin: string, count: number, pick = 1): Promise<() => void> {
  const { io } = await import('socket.io-client');
  const sockets = await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const s = io(baseURL, { auth: { protocolVersion: 1 }, transports: ['websocket'] });
      s.on('sys:ping', (_p: unknown, ack: () => void) => ack());
      let answered = -1;
      s.on('room:view', (v: { phase: string; answered?: boolean; question?: { index: number } | null }) => {
        if (v.phase === 'question' && v.question && !v.answered && v.question.index !== answered) {
          answered = v.question.index;
          s.emit('answer:submit', { questionIndex: v.question.index, choice: [pick] }, () => {});
        }
      });
      // Long nicknames (20 characters, the limit) are the hardest to fit on the projector.
      const nickname = `Classmate number ${String(i + 1).padStart(3, '0')}`;
      return new Promise<typeof s>((resolve, reject) => {
        s.emit('room:join', { pin, nickname }, (ack: { ok: boolean; code?: string }) =>
          ack.ok ? resolve(s) : reject(new Error(`bot ${nickname}: ${ack.code}`)),
        );
      });
    }),
  );
  return () => sockets.forEach((s) => s.disconnect());
}
