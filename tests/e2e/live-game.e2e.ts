import { expect, test, type Browser, type Page } from '@playwright/test';
import { joinAsPlayer as joinOnPhone, PHONE, signUp } from './support';

/** A player on a phone, in the lobby with their nickname shown. */
async function joinAsPlayer(browser: Browser, pin: string, nickname: string) {
  const page = await joinOnPhone(browser, pin, nickname);
  await expect(page.getByTestId('my-nickname')).toHaveText(nickname);
  return page;
}

function score(page: Page): Promise<number> {
  return page
    .getByTestId('header-score')
    .innerText()
    .then((t) => Number(t.replace(/[^\d]/g, '')));
}

test('a host and two players play a 3-question game to the podium; a reload keeps the score', async ({ browser }) => {
  // why: three browsers on a loaded two-core machine; a heavy-load run once timed out at 60 s.
  test.setTimeout(180_000);
  const hostContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const host = await hostContext.newPage();
  await signUp(host, 'Host Hana', 'instructor');

  // Setup: a true/false-only game, so the two players (who pick different options) never both score.
  await host.goto('/host');
  await host.getByLabel('Deck').selectOption('sqs');
  await host.getByLabel('Number of questions').fill('3');
  await host.getByLabel('Pick one').uncheck();
  await host.getByLabel('Pick all that apply').uncheck();
  await host.getByLabel('Type the answer').uncheck();
  await host.getByRole('button', { name: 'Open the room' }).click();
  await host.waitForURL(/\/host\/[^/]+$/);
  const gameId = new URL(host.url()).pathname.split('/').pop()!;
  const pin = (await host.getByTestId('game-pin').innerText()).trim();
  expect(pin).toMatch(/^\d{6}$/);
  await expect(host.getByTestId('join-url')).toHaveText(new RegExp(`/play/${pin}$`));
  await expect(host.getByTestId('join-qr')).toBeVisible();

  const ada = await joinAsPlayer(browser, pin, 'Ada');
  const bo = await joinAsPlayer(browser, pin, 'Bo');
  await expect(host.getByTestId('player-count')).toHaveText('2');
  await expect(host.getByTestId('lobby-players')).toContainText('Ada');
  await expect(host.getByTestId('lobby-players')).toContainText('Bo');

  // Taken nickname is refused with a clear message.
  const late = await browser.newContext(PHONE).then((c) => c.newPage());
  await late.goto(`/play/${pin}`);
  await late.getByLabel('Nickname').fill('ada');
  await late.getByRole('button', { name: 'Join game' }).click();
  await expect(late.getByTestId('join-error')).toContainText('already has that nickname');
  await late.context().close();

  await host.getByRole('button', { name: /Start/ }).click();

  let reloader: Page | null = null;
  let reloaderScore = 0;
  for (let q = 1; q <= 3; q++) {
    await expect(host.getByTestId('question-number')).toHaveText(`Question ${q} of 3`);
    await expect(ada.getByTestId('question-prompt')).toBeVisible();

    if (q === 2 && reloader) {
      await reloader.reload();
      await expect(reloader.getByTestId('question-prompt')).toBeVisible();
      expect(await score(reloader)).toBe(reloaderScore);
    }

    await ada.getByTestId('option-0').click();
    await expect(ada.getByTestId('locked-in')).toBeVisible();
    await bo.getByTestId('option-1').click();

    // Everyone answered: the question closes by itself and the reveal shows.
    await expect(host.getByTestId('reveal-summary')).toContainText('of 2 correct');
    await expect(ada.getByTestId('player-reveal')).toBeVisible();
    await expect(bo.getByTestId('player-reveal')).toBeVisible();
    const results = [await ada.getByTestId('reveal-result').innerText(), await bo.getByTestId('reveal-result').innerText()];
    expect(results.filter((r) => r === 'Correct!')).toHaveLength(1);

    if (q === 1) {
      reloader = results[0] === 'Correct!' ? ada : bo;
      reloaderScore = await score(reloader);
      expect(reloaderScore).toBeGreaterThan(0);
    }

    // Space on the projector = next (reveal -> leaderboard).
    await host.locator('body').click({ position: { x: 5, y: 300 } });
    await host.keyboard.press('Space');
    await expect(host.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
    await expect(ada.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
    await host.getByRole('button', { name: q < 3 ? /Next question/ : /Podium/ }).click();
  }

  await expect(host.getByTestId('podium')).toBeVisible();
  await expect(host.getByTestId('podium')).toContainText('Ada');
  await expect(host.getByTestId('podium')).toContainText('Bo');
  await expect(ada.getByTestId('final-result')).toContainText('You finished');
  await expect(bo.getByTestId('final-result')).toContainText('You finished');

  // The report lists both players; the CSV is the host's alone.
  await host.getByRole('link', { name: 'See the report' }).click();
  await host.waitForURL(`**/host/history/${gameId}`);
  await expect(host.getByTestId('report-ranks')).toContainText('Ada');
  await expect(host.getByTestId('report-ranks')).toContainText('Bo');
  await expect(host.getByTestId('report-grid').locator('tbody tr')).toHaveCount(2);
  const csv = await host.request.get(`/api/games/${gameId}/report.csv`);
  expect(csv.status()).toBe(200);
  // A UTF-8 byte-order mark first, so Excel shows accents.
  expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = await csv.text();
  expect(text).toContain('"Ada"');
  expect(text.trimEnd().split('\r\n')).toHaveLength(1 + 2 * 3);
  const stranger = await ada.request.get(`/api/games/${gameId}/report.csv`);
  expect([401, 404]).toContain(stranger.status());
  await ada.goto(`/host/history/${gameId}`);
  await expect(ada.getByRole('heading', { name: /Sign in to see this report/ })).toBeVisible();

  await host.goto('/host/history');
  await expect(host.getByTestId('host-games')).toContainText('Amazon SQS');
});
