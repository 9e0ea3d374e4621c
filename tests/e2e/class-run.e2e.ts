import { expect, test, type Browser, type Page } from '@playwright/test';
import { PHONE, signUp } from './support';

/** The edges a real class hits: a mistyped PIN, a phone that is lost or drops mid-question. */
// why: several browsers share a loaded two-core machine here; a whole game needs more than the default.
test.setTimeout(180_000);

async function hostGame(browser: Browser): Promise<{ host: Page; pin: string }> {
  const host = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
  await signUp(host, 'Host Ines', 'instructor');
  await host.goto('/host');
  await host.getByLabel('Deck').selectOption('sqs');
  await host.getByLabel('Number of questions').fill('2');
  await host.getByLabel('Pick one').uncheck();
  await host.getByLabel('Pick all that apply').uncheck();
  await host.getByLabel('Type the answer').uncheck();
  await host.getByRole('button', { name: 'Open the room' }).click();
  await host.waitForURL(/\/host\/[^/]+$/);
  const pin = (await host.getByTestId('game-pin').innerText()).trim();
  return { host, pin };
}

async function phone(browser: Browser): Promise<Page> {
  return (await browser.newContext(PHONE)).newPage();
}

async function join(page: Page, pin: string, nickname: string): Promise<void> {
  await page.goto(`/play/${pin}`);
  await page.getByLabel('Nickname').fill(nickname);
  await page.getByRole('button', { name: 'Join game' }).click();
  await expect(page.getByTestId('my-nickname')).toHaveText(nickname);
}

test('a wrong PIN is refused before anyone types a nickname', async ({ browser }) => {
  const page = await phone(browser);
  await page.goto('/');
  await page.getByLabel('Game PIN').fill('000001');
  await expect(page.getByTestId('pin-error')).toContainText('No game is running with that PIN');
  await expect(page).toHaveURL(/\/$/);
  // A link or QR code with a dead PIN says so instead of asking for a nickname.
  await page.goto('/play/000001');
  await expect(page.getByTestId('room-problem')).toBeVisible();
  await expect(page.getByLabel('Nickname')).toHaveCount(0);
  await page.context().close();
});

test('a guest who lost their phone gets their seat back when the host lets them in', async ({ browser }) => {
  const { host, pin } = await hostGame(browser);
  const lost = await phone(browser);
  await join(lost, pin, 'Ann');
  await lost.context().close(); // the phone is gone, and its token with it

  const fresh = await phone(browser);
  await fresh.goto(`/play/${pin}`);
  await fresh.getByLabel('Nickname').fill('Ann');
  await fresh.getByRole('button', { name: 'Join game' }).click();
  await expect(fresh.getByTestId('join-error')).toContainText('already has that nickname');
  await fresh.getByRole('button', { name: 'Ask the host to let me back in' }).click();
  await expect(fresh.getByTestId('seat-waiting')).toBeVisible();

  await expect(host.getByTestId('seat-requests')).toContainText('Ann');
  await host.getByRole('button', { name: 'Let back in' }).click();
  await expect(fresh.getByTestId('my-nickname')).toHaveText('Ann');
  await expect(host.getByTestId('seat-requests')).toHaveCount(0);
  await host.context().close();
  await fresh.context().close();
});

test('a phone that drops mid-question gets a few seconds before the question closes', async ({ browser }) => {
  const { host, pin } = await hostGame(browser);
  const stays = await phone(browser);
  const drops = await phone(browser);
  await join(stays, pin, 'Stay');
  await join(drops, pin, 'Drop');
  await host.getByRole('button', { name: /Start/ }).click();
  await expect(stays.getByTestId('question-prompt')).toBeVisible();
  await expect(drops.getByTestId('question-prompt')).toBeVisible();
  await drops.context().close();
  await stays.getByTestId('option-0').click();
  await expect(host.getByText('Waiting a few seconds for players whose device dropped')).toBeVisible();
  // Then the question closes by itself, long before its 20 s are up.
  await expect(stays.getByTestId('player-reveal')).toBeVisible({ timeout: 15_000 });
  await host.context().close();
  await stays.context().close();
});

test('a late joiner is marked in the report and not counted for the question they missed', async ({ browser }) => {
  const { host, pin } = await hostGame(browser);
  const gameId = new URL(host.url()).pathname.split('/').pop()!;
  const early = await phone(browser);
  await join(early, pin, 'Early');
  await host.getByRole('button', { name: /Start/ }).click();
  await expect(early.getByTestId('question-prompt')).toBeVisible();
  const late = await phone(browser);
  await late.goto(`/play/${pin}`);
  await late.getByLabel('Nickname').fill('Late');
  await late.getByRole('button', { name: 'Join game' }).click();
  // Mid-question a newcomer lands on the open question, not in the lobby.
  await expect(late.getByTestId('header-nickname')).toHaveText('Late');

  // Question 1: only Early answers; the host closes it.
  await early.getByTestId('option-0').click();
  await expect(early.getByTestId('locked-in')).toBeVisible();
  await host.getByRole('button', { name: 'End question' }).click();
  await expect(host.getByTestId('reveal-summary')).toBeVisible();
  await host.keyboard.press('Space');
  await host.getByRole('button', { name: /Next question/ }).click();
  // Question 2: both answer.
  await early.getByTestId('option-0').click();
  await late.getByTestId('option-0').click();
  await expect(host.getByTestId('reveal-summary')).toBeVisible();
  await host.keyboard.press('Space');
  await host.getByRole('button', { name: /Podium/ }).click();
  await expect(host.getByTestId('podium')).toBeVisible();

  await host.goto(`/host/history/${gameId}`);
  const grid = host.getByTestId('report-grid');
  const lateRow = grid.locator('tbody tr', { hasText: 'Late' });
  await expect(lateRow.getByTestId('late-joiner')).toHaveText('joined at Q1');
  await expect(lateRow.getByLabel('not asked: joined later')).toHaveCount(1);
  // Question 1 is counted over Early alone: all right or all wrong, never one in two.
  const q1 = (await grid.locator('tfoot td').first().innerText()).trim();
  expect(q1).toMatch(/^(0|100)\s?%$/);
  for (const page of [host, early, late]) await page.context().close();
});
