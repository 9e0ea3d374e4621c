import { expect, test, type Page } from '@playwright/test';

async function answerWithKeyboard(page: Page) {
  const card = page.getByTestId('study-card');
  await expect(card).toBeVisible();
  const typed = page.getByLabel('Your answer');
  if (await typed.count()) {
    await typed.fill('no idea');
    await typed.press('Enter');
  } else if (await card.getByRole('list', { name: /Options/ }).count()) {
    await page.keyboard.press('1');
  } else {
    await page.keyboard.press('Space');
  }
  await expect(page.getByTestId('answer-side')).toBeVisible();
  await expect(page.getByTestId('card-source')).toContainText('From: SQS');
}

test('subscribe to SQS, review 5 cards with the keyboard, undo one, stats show 4 reviews today', async ({ page }) => {
  await page.goto('/sign-up');
  await page.getByLabel('Display name').fill('Robin');
  await page.getByLabel('Email').fill(`e2e-review-${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('a-good-password');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Robin');

  await page.goto('/review');
  await expect(page.getByRole('link', { name: 'Browse decks' })).toBeVisible();
  const sub = await page.request.post('/api/decks/sqs/subscription', { data: {}, headers: { origin: new URL(page.url()).origin } });
  expect(sub.status()).toBe(201);

  await page.goto('/review');
  await expect(page.getByTestId('deck-row').filter({ hasText: 'Amazon SQS' })).toContainText('20');
  await page.getByRole('link', { name: 'Study now' }).click();

  for (let i = 1; i <= 5; i++) {
    const before = await page.getByTestId('study-card').getAttribute('data-card-id');
    await answerWithKeyboard(page);
    // Each rating button shows its next interval.
    await expect(page.getByRole('button', { name: /Good/ })).toContainText(/\d+(m|h|d)/);
    await page.keyboard.press('3');
    await expect(page.getByTestId('session-counts')).toContainText(`${i} done`);
    await expect(page.getByTestId('study-card')).not.toHaveAttribute('data-card-id', before!);
  }

  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('session-counts')).toContainText('4 done');
  await expect(page.getByRole('status')).toContainText('Undid your last rating');

  await page.goto('/stats');
  await expect(page.getByTestId('reviews-today')).toHaveText('4');
  await expect(page.getByTestId('streak')).toHaveText('1 day');
});
