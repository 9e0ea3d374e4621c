import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const dataDir = `.e2e-data-${process.env.E2E_PORT ?? 3100}`;

async function signUp(page: Page, name: string): Promise<string> {
  const email = `e2e-fsrs-${name.toLowerCase()}-${Date.now()}@example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-good-password');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByTestId('current-user')).toContainText(name);
  return email;
}

// why these decks, this size and seed: a history big enough for a fit to beat the defaults on the
// held-out cards (on ~400 reviews it often cannot, and the app then rightly keeps the defaults).
const DECKS = 'sqs,kinesis,containers,lambda,dynamodb,serverless-apis';

function seedHistory(email: string, reviews: number, seed: number): { reviews: number; cards: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'tests/e2e/helpers/seed-history.ts', email, DECKS, String(reviews), String(seed)], {
    env: { ...process.env, DATABASE_URL: `file:${path.resolve(dataDir, 'app.db')}` },
    encoding: 'utf8',
  });
  const m = /seeded=(\d+) cards=(\d+)/.exec(out);
  if (!m) throw new Error(`seeding printed no count:\n${out}`);
  return { reviews: Number(m[1]), cards: Number(m[2]) };
}

test('a new student sees the minimum history and cannot optimize yet', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page, 'Newbie');
  await page.goto('/settings');
  const panel = page.getByRole('region', { name: 'Memory model (FSRS parameters)' });
  await expect(panel).toContainText("FSRS-6's default parameters");
  await expect(panel).toContainText('You have 0 reviews of 0 cards. Fitting needs at least 400 reviews of 50 cards');
  await expect(panel.getByRole('progressbar', { name: 'History towards the minimum' })).toHaveAttribute('aria-valuenow', '0');
  await expect(panel.getByRole('button', { name: 'Optimize my parameters' })).toBeDisabled();
});

test('a student with enough history fits their parameters, sees default vs fitted, applies them and undoes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const email = await signUp(page, 'Keen');
  const { reviews, cards } = seedHistory(email, 2500, 3);
  expect(reviews).toBeGreaterThanOrEqual(1000);

  await page.goto('/settings');
  const panel = page.getByRole('region', { name: 'Memory model (FSRS parameters)' });
  await expect(panel).toContainText(`You have ${reviews} reviews of ${cards} cards`);
  await panel.getByRole('button', { name: 'Optimize my parameters' }).click();
  await expect(panel.getByRole('heading', { name: /Latest fit/ })).toBeVisible({ timeout: 60_000 });
  await expect(panel).toContainText(/Checked on \d+ of your cards that the fit never saw/);
  await expect(panel).toContainText('the fitted parameters predict recall better');
  await expect(panel.getByRole('img', { name: /Predicted against actual recall on your held-out cards/ })).toBeVisible();

  await panel.getByRole('button', { name: 'Use these parameters' }).click();
  await expect(panel.getByRole('status')).toContainText(/Done: \d+ cards rescheduled from their review history/);
  await expect(panel).toContainText('your own parameters, fitted to your review history');
  await expect(panel.getByRole('radio', { name: 'My own parameters' })).toBeChecked();

  await panel.getByRole('button', { name: 'Undo last change' }).click();
  await expect(panel).toContainText("FSRS-6's default parameters");
  await expect(panel.getByRole('radio', { name: /My class's/ })).toBeChecked();
  // Undo restores what was there before: no own parameters yet.
  await expect(panel.getByRole('radio', { name: 'My own parameters' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Undo last change' })).toHaveCount(0);
});
