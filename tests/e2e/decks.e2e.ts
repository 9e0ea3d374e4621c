import path from 'node:path';
import { makePdf } from '../integration/decks/pdf-fixture';
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

async function signUp(page: import('@playwright/test').Page, role: 'student' | 'instructor') {
  const email = `decks-${role}-${Date.now()}@example.com`;
  // why: better-auth checks the Origin of cookie-carrying requests; send the app's own.
  const origin = new URL(page.url()).origin;
  const res = await page.request.post('/api/auth/sign-up/email', {
    data: { email, password: 'a-good-password', name: role === 'student' ? 'Sky' : 'Ines', role },
    headers: { origin },
  });
  expect(res.ok()).toBe(true);
}

test('a student imports a TSV: bad rows listed, saves the good ones, then updates that deck in place', async ({ page }) => {
  await page.goto('/decks');
  await signUp(page, 'student');
  await page.goto('/decks/import');
  const rows = page.getByLabel('…or paste the rows');
  await rows.fill('#separator:tab\nWhat is SQS?\tA managed message queue\tsqs\nWhat is SNS?\t\tsns\nWhat is MQ?\tA managed broker\tmq');
  await page.getByLabel('Deck title').fill('My messaging words');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-row-errors')).toContainText('Line 3: row has no back (answer) text');
  await page.getByRole('button', { name: 'Save 2 cards, skip 1 bad row' }).click();
  await expect(page.getByRole('heading', { name: 'My messaging words', level: 1 })).toBeVisible();
  await expect(page.getByTestId('deck-card')).toHaveCount(2);

  await page.goto('/decks/import');
  await rows.fill('#separator:tab\nWhat is SQS?\tA managed message queue\tsqs\nWhat is SNS?\tPub/sub messaging\tsns\nWhat is MQ?\tA managed broker\tmq');
  await page.getByLabel('Save as').selectOption({ label: 'Update “My messaging words” (keeps review history)' });
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Save 3 cards' }).click();
  await expect(page.getByRole('heading', { name: 'My messaging words', level: 1 })).toBeVisible();
  await expect(page.getByTestId('deck-card')).toHaveCount(3);

  await page.goto('/decks');
  await expect(page.getByTestId('deck-item').filter({ hasText: 'My messaging words' })).toContainText('Yours');
  await page.goto('/decks/builder');
  await expect(page.locator('main').getByRole('alert')).toContainText('Only instructors can build decks');
});

test('a student brings an Anki package: preview lists what is left out, then saves it', async ({ page }) => {
  await page.goto('/decks');
  await signUp(page, 'student');
  await page.goto('/decks/import');
  await page.getByLabel(/^File/).setInputFiles(path.join(process.cwd(), 'tests/fixtures/anki/basic-anki-apkg-export.apkg'));
  await expect(page.getByTestId('package-chosen')).toContainText('basic-anki-apkg-export.apkg');
  await page.getByLabel('Deck title').fill('Capitals');
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByTestId('import-row-errors')).toContainText('empty front or back');
  await expect(page.getByRole('list', { name: 'Warnings' })).toContainText('flag.png');
  await page.screenshot({ path: 'test-results/import-apkg-preview.png', fullPage: true });
  await page.getByRole('button', { name: 'Save 3 cards, skip 1 bad row' }).click();
  await expect(page.getByRole('heading', { name: 'Capitals', level: 1 })).toBeVisible();
  await expect(page.getByTestId('deck-card')).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'Export to Anki (.apkg)' })).toHaveAttribute('href', /format=apkg$/);
});

test('an instructor builds a deck from notes, keys an exam question and saves it', async ({ page }) => {
  await page.goto('/decks');
  await signUp(page, 'instructor');
  await page.goto('/decks/builder');
  await page.getByLabel('…or paste the notes').fill(
    [
      '# Messaging',
      '',
      '## Amazon SQS',
      '',
      '**Amazon SQS** is a fully managed message queuing service.',
      'The default visibility timeout is 30 seconds.',
      '',
      '## Exam Questions',
      '',
      'Which service fans out one message to many subscribers?',
      '',
      '- A. Amazon SQS',
      '- B. Amazon SNS',
      '- C. Amazon Kinesis',
      '- D. Amazon MQ',
    ].join('\n'),
  );
  await page.getByRole('button', { name: 'Build drafts' }).click();
  await expect(page.getByRole('heading', { name: /^2 sections, \d+ drafts$/ })).toBeVisible();
  const exam = page.getByTestId('draft').filter({ hasText: 'Needs answer key' });
  await expect(exam).toHaveCount(1);
  await exam.getByLabel('Option 2 is correct').check();
  await expect(page.getByTestId('draft').filter({ hasText: 'Needs answer key' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Save \d+ cards$/ }).click();

  await expect(page.getByRole('heading', { name: 'Messaging', level: 1 })).toBeVisible();
  const mcq = page.getByTestId('deck-card').filter({ hasText: 'fans out one message' });
  await expect(mcq.getByRole('listitem').filter({ hasText: '(correct)' })).toHaveText(/Amazon SNS/);
});

test('an instructor builds drafts from a PDF and from Latin-1 notes', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/decks');
  await signUp(page, 'instructor');
  await page.goto('/decks/builder');
  // A one-page PDF with a real text layer (Helvetica text operators).
  const pdf = makePdf(['Amazon SQS', '', 'The default visibility timeout is 30 seconds.']);
  await page.getByLabel(/^Document/).setInputFiles({ name: 'sqs-notes.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expect(page.getByTestId('pdf-chosen')).toContainText('sqs-notes.pdf');
  await page.getByRole('button', { name: 'Build drafts' }).click();
  await expect(page.getByRole('heading', { name: /^1 sections?, 1 drafts?$/ })).toBeVisible();
  await expect(page.getByTestId('draft').first()).toContainText('visibility timeout');
  await page.screenshot({ path: 'test-results/builder-pdf-phone.png', fullPage: true });

  await page.getByLabel(/^Document/).setInputFiles({
    name: 'cafe.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('# Caf\xe9\n\n## Cr\xe8me br\xfbl\xe9e\n\nThe oven runs at 180 degrees for 35 minutes.\n', 'latin1'),
  });
  await expect(page.getByLabel('…or paste the notes')).toHaveValue(/Crème brûlée/);
});
