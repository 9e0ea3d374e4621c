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
