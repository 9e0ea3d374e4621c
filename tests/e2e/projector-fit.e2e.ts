import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, joinBots, PHONE, signUp } from './support';

/** The classroom displays of issue 15: a laptop at 125 % is 1024×768. */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

interface Fit {
  pageScroll: number;
  stageScroll: number;
  cutOff: number;
  outside: string[];
  pinClipped: boolean;
}

/** What a person at the back of the room would miss: anything scrolled, cut off or off-screen. */
function measure(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const stage = document.querySelector('section[aria-label="Game host screen"]') as HTMLElement;
    const frame = document.querySelector('[data-testid="projector-frame"]') as HTMLElement;
    const watched = stage.querySelectorAll(
      'button, a, [data-testid="lobby-players"], [data-testid="game-pin"], [data-testid="join-qr"], [data-testid="join-url"], [data-testid^="option-"], [data-testid="question-prompt"], [data-testid="answer-chart"], [data-testid="reveal-explanation"], [data-testid="leaderboard"], [data-testid="podium"], [data-testid="countdown"]',
    );
    const outside: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const boxes: { el: Element; r: DOMRect }[] = [];
    for (const el of watched) {
      // why: a big class scrolls inside the player list (its box is checked), never the page.
      if (el.parentElement?.closest('[data-testid="lobby-players"]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.top < -0.5 || r.left < -0.5 || r.bottom > vh + 0.5 || r.right > vw + 0.5) {
        outside.push(`${name(el)} at ${Math.round(r.top)}–${Math.round(r.bottom)}`);
      }
      // Text spilling out of its own box (a tile too small for its option) is cut off to the eye too.
      if (el.scrollHeight > (el as HTMLElement).clientHeight + 1 && getComputedStyle(el).overflow === 'visible' && el.tagName !== 'A') {
        outside.push(`${name(el)} spills out of its box`);
      }
      boxes.push({ el, r });
    }
    // Two separate blocks drawn over each other (a squeezed chart under the tiles) hide each other.
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 1 && h > 1) outside.push(`${name(a.el)} overlaps ${name(b.el)}`);
      }
    }
    const pin = document.querySelector('[data-testid="game-pin"]') as HTMLElement | null;
    return {
      pageScroll: Math.max(0, document.documentElement.scrollHeight - vh),
      stageScroll: Math.max(0, stage.scrollHeight - stage.clientHeight),
      // The frame clips: anything still overflowing at its smallest scale is cut off.
      cutOff: Math.max(0, frame.scrollHeight - frame.clientHeight, frame.scrollWidth - frame.clientWidth),
      outside,
      pinClipped: pin ? pin.scrollWidth > pin.clientWidth + 1 : false,
    };
  });
}

async function expectFitsEverySize(page: Page, phase: string, shots: (name: string) => string) {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // why: the frame re-fits on the next animation frame and bars/rows animate in; wait on the condition.
    await expect
      .poll(() => measure(page), { message: `${phase} at ${size.width}×${size.height}`, timeout: 10_000 })
      .toEqual({ pageScroll: 0, stageScroll: 0, cutOff: 0, outside: [], pinClipped: false });
    // The screenshot shows the settled screen, after the bars, rows and podium have animated in.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.screenshot({ path: shots(`${phase}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]!);
}

test('a class of 40: the projector fits 1280×720, 1024×768, 1366×768 and 1920×1080 in every phase with the longest prompts; axe finds nothing serious', async ({
  browser,
  baseURL,
}, testInfo) => {
  // why: two browsers, six questions, four sizes each; a loaded two-core machine needs the room.
  test.setTimeout(300_000);
  const shots = (name: string) => testInfo.outputPath(name);
  // A host far from UTC: the report must show their own clock.
  const host = await (await browser.newContext({ viewport: SIZES[0], timezoneId: 'Pacific/Auckland' })).newPage();
  await signUp(host, 'Host Hana', 'instructor');

  // The exam deck holds the longest prompts and options of the built-in decks.
  await host.goto('/host');
  await expectAccessible(host, 'host setup');
  await host.getByLabel('Deck').selectOption('exam');
  await host.getByLabel('Number of questions').fill('6');
  await host.getByLabel('Seconds per question').fill('120');
  await host.getByRole('button', { name: 'Open the room' }).click();
  await host.waitForURL(/\/host\/[^/]+$/);
  const pin = (await host.getByTestId('game-pin').innerText()).trim();

  // A signed-in student, so the game is theirs to open later from /games.
  const player = await (await browser.newContext(PHONE)).newPage();
  await signUp(player, 'Ada Student', 'student');
  await player.goto(`/play/${pin}`);
  await player.getByLabel('Nickname').fill('Ada');
  await player.getByRole('button', { name: 'Join game' }).click();
  await expect(player.getByRole('heading', { name: "You're in!" })).toBeVisible();
  const leaveBots = await joinBots(baseURL!, pin, 39);
  await expect(host.getByTestId('player-count')).toHaveText('40');
  await expectFitsEverySize(host, 'lobby', shots);
  await expectAccessible(host, 'projector lobby');
  await expectAccessible(player, 'phone lobby');

  // Sound is off until the host turns it on, and the choice survives a reload.
  const sound = host.getByTestId('sound-toggle');
  await expect(sound).toHaveAttribute('aria-pressed', 'false');
  await sound.click();
  await expect(sound).toHaveAttribute('aria-pressed', 'true');
  await host.reload();
  await expect(host.getByTestId('sound-toggle')).toHaveAttribute('aria-pressed', 'true');

  await host.getByRole('button', { name: /Start/ }).click();
  for (let q = 1; q <= 6; q++) {
    await expect(host.getByTestId('question-number')).toHaveText(`Question ${q} of 6`);
    if (q === 1) {
      // The 3-2-1 shows over the tiles, then gives way to them.
      await expect(host.getByTestId('get-ready')).toBeVisible();
      await host.screenshot({ path: shots('get-ready-1280x720.png') });
      await expect(host.getByTestId('get-ready')).toBeHidden();
    }
    await expect(host.getByTestId('option-3')).toBeVisible();
    await expectFitsEverySize(host, `question-${q}`, shots);
    if (q === 1) {
      await expectAccessible(host, 'projector question');
      await expectAccessible(player, 'phone question');
    }

    // Question 2 goes unanswered (the host ends it), so the report has a hardest question for sure.
    if (q === 2) await host.getByRole('button', { name: 'End question' }).click();
    else await player.getByTestId('option-0').click();
    await expect(host.getByTestId('reveal-summary')).toContainText('of 40 correct');
    await expect(host.getByTestId('answer-chart')).toBeVisible();
    // Wrong options are marked as such, not only by colour.
    const correct = await host.locator('[data-testid^="chart-bar-"][data-correct="true"]').count();
    expect(correct).toBeGreaterThan(0);
    await expect(host.locator('[data-testid^="chart-bar-"][data-correct="false"]').first()).toContainText('✗');
    await expectFitsEverySize(host, `reveal-${q}`, shots);
    if (q === 1) {
      await expectAccessible(host, 'projector reveal');
      await expect(player.getByTestId('player-reveal')).toBeVisible();
      await expectAccessible(player, 'phone reveal');
    }

    await host.getByRole('button', { name: /Leaderboard/ }).click();
    await expect(host.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
    if (q === 1 || q === 6) {
      await expectFitsEverySize(host, `leaderboard-${q}`, shots);
      if (q === 1) await expectAccessible(host, 'projector leaderboard');
    }
    await host.getByRole('button', { name: q < 6 ? /Next question/ : /Podium/ }).click();
  }

  await expect(host.getByTestId('podium')).toContainText(/Ada|Classmate/);
  await expectFitsEverySize(host, 'podium', shots);
  await expectAccessible(host, 'projector podium');

  // The host's report: local time, only the hardest questions (a third of six at most), accessible.
  await host.getByRole('link', { name: 'See the report' }).click();
  await host.waitForURL(/\/host\/history\/[^/]+$/);
  const gameId = new URL(host.url()).pathname.split('/').pop()!;
  const when = host.locator('header time');
  await expect(when).not.toContainText('UTC');
  const iso = (await when.getAttribute('datetime'))!;
  const auckland = new Date(iso).toLocaleString('en-US', { timeZone: 'Pacific/Auckland', hour: '2-digit', minute: '2-digit' });
  await expect(when).toContainText(auckland);
  const hardest = await host.getByTestId('hardest').locator('li').count();
  expect(hardest).toBeGreaterThanOrEqual(1);
  expect(hardest).toBeLessThanOrEqual(2);
  await expectAccessible(host, 'game report');

  // The student opens the same game from /games and sees their own answers.
  await player.goto('/games');
  await player.getByRole('link', { name: /Exam practice/ }).first().click();
  await player.waitForURL(`**/games/${gameId}`);
  await expect(player.getByTestId('my-answers').locator('li')).toHaveCount(6);
  await expect(player.getByTestId('my-answers').locator('li').nth(1)).toContainText('Not answered');
  await expect(player.getByTestId('my-game-summary')).toContainText('of 40');
  await expectAccessible(player, 'a player\'s game page');
  await player.context().close();
  leaveBots();
});
