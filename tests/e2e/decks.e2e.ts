import { expect, test } from '@playwright/test';

test('browse decks, filter the SQS deck by section, flip through it with the keyboard', async ({ page }) => {
  await page.goto('/decks');
  await expect(page.getByRole('heading', { name: 'Decks', level: 1 })).toBeVisible();
  await expect(page.getByTestId('deck-item')).toHaveCount(9);
  const sqs = page.getByTestId('deck-item').filter({ hasText: 'Amazon SQS' });
  await expect(sqs).toContainText('39 cards · 6 sections');

  await sqs.getByRole('link', { name: 'Amazon SQS' }).click();
  await expect(page.getByRole('heading', { name: 'Amazon SQS', level: 1 })).toBeVisible();
  await expect(page.getByTestId('shown-count')).toHaveText('Showing 39 of 39 cards');

  await expect(page.locator('section[data-ready="true"]')).toBeVisible();
  await page.getByLabel('Section').selectOption('SQS › Message Visibility Timeout');
  await expect(page.getByTestId('shown-count')).toHaveText('Showing 6 of 39 cards');
  const cards = page.getByTestId('deck-card');
  await expect(cards).toHaveCount(6);
  for (const text of await cards.allInnerTexts()) expect(text).toContain('From: SQS › Message Visibility Timeout');
  await expect(cards.first().getByText('(correct)')).toHaveCount(1);

  await page.getByLabel('Search cards').fill('default');
  await expect(page.getByTestId('shown-count')).toHaveText(/Showing [1-5] of 39 cards/);
  await page.getByLabel('Search cards').fill('');

  await page.getByRole('link', { name: 'Flip through this section' }).click();
  await expect(page).toHaveURL(/\/decks\/sqs\/flip\?section=/);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  const position = page.getByTestId('flip-position');
  const card = page.getByTestId('flip-card');
  await expect(position).toHaveText('Card 1 of 6');
  await expect(card).toHaveAttribute('data-side', 'front');
  await expect(card.getByText('(correct)')).toHaveCount(0);

  await page.keyboard.press('Space');
  await expect(card).toHaveAttribute('data-side', 'back');
  await expect(card).toContainText('Answer');
  await expect(card).toContainText('From: SQS › Message Visibility Timeout');

  await page.keyboard.press('ArrowRight');
  await expect(position).toHaveText('Card 2 of 6');
  await expect(card).toHaveAttribute('data-side', 'front');
  await page.keyboard.press('ArrowLeft');
  await expect(position).toHaveText('Card 1 of 6');

  // Taps and buttons work too (phones): the card flips on click, Next moves on.
  await card.click();
  await expect(card).toHaveAttribute('data-side', 'back');
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(position).toHaveText('Card 2 of 6');
});
