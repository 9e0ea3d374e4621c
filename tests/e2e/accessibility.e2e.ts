import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, PHONE, signUp } from './support';

/** No sideways scrolling: a phone shows the whole width of the page. */
async function expectNoSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('signed-out pages: home, sign in, sign up pass axe on a phone and a laptop', async ({ browser }) => {
  for (const options of [PHONE, { viewport: { width: 1280, height: 800 } }]) {
    const page = await (await browser.newContext(options)).newPage();
    for (const path of ['/', '/sign-in', '/sign-up']) {
      await page.goto(path);
      await expect(page.locator('main')).toBeVisible();
      await expectAccessible(page, `${path} at ${options.viewport.width}px`);
      await expectNoSidewaysScroll(page, path);
    }
    await page.context().close();
  }
});

test('phones can add the app to the home screen: the root layout links a manifest whose icons exist', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const manifest = await (await page.request.get(href!)).json();
  expect(manifest).toMatchObject({ name: 'StudyRoom', start_url: '/', display: 'standalone' });
  const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const r = await page.request.get(icon.src);
    expect(r.status(), icon.src).toBe(200);
    expect(r.headers()['content-type']).toContain(icon.type);
  }
  const apple = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect((await page.request.get(apple!)).status()).toBe(200);
});

test('a student on a phone: decks, review, study (both sides), stats, games, classes pass axe; stats fit the phone', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext(PHONE)).newPage();
  await signUp(page, 'Robin', 'student');

  await page.goto('/decks');
  await expectAccessible(page, 'decks');
  await page.goto('/decks/sqs');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'a deck');
  const sub = await page.request.post('/api/decks/sqs/subscription', { data: {}, headers: { origin: new URL(page.url()).origin } });
  expect(sub.status()).toBe(201);

  await page.goto('/review');
  await expect(page.getByRole('link', { name: 'Study now' })).toBeVisible();
  await expectAccessible(page, 'review');
  await page.getByRole('link', { name: 'Study now' }).click();

  // Study until a choice card comes up: Space shows its answer, as on the other kinds, and the
  // key help says what the digits do on each side.
  let choiceSeen = false;
  for (let i = 0; i < 20 && !choiceSeen; i++) {
    const card = page.getByTestId('study-card');
    await expect(card).toBeVisible();
    const id = await card.getAttribute('data-card-id');
    if (i === 0) await expectAccessible(page, 'study, question side');
    const isChoice = (await card.getByRole('list', { name: /Options/ }).count()) > 0 && (await page.getByLabel('Your answer').count()) === 0;
    if (isChoice) {
      await expect(page.getByTestId('key-help')).toContainText('choose that option');
      await page.keyboard.press('Space');
      await expect(page.getByTestId('answer-side')).toBeVisible();
      await expect(page.getByTestId('key-help')).toContainText('1 Again');
      await expect(page.getByTestId('key-help')).toContainText('4 Easy');
      await expectAccessible(page, 'study, answer side of a choice card');
      choiceSeen = true;
    } else if (await page.getByLabel('Your answer').count()) {
      await page.getByLabel('Your answer').fill('no idea');
      await page.getByLabel('Your answer').press('Enter');
      await expect(page.getByTestId('answer-side')).toBeVisible();
    } else {
      await page.keyboard.press('Space');
      await expect(page.getByTestId('answer-side')).toBeVisible();
    }
    if (!choiceSeen) {
      await page.keyboard.press('3');
      await expect(page.getByTestId('study-card')).not.toHaveAttribute('data-card-id', id!);
    }
  }
  expect(choiceSeen, 'a choice card among the first 20 SQS cards').toBe(true);

  await page.goto('/stats');
  await expect(page.getByTestId('deck-stats')).toBeVisible();
  await expectAccessible(page, 'stats');
  await expectNoSidewaysScroll(page, '/stats');
  const table = await page.getByTestId('deck-stats').evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement!.clientWidth }));
  expect(table.table, 'the per-deck table fits the phone').toBeLessThanOrEqual(table.box);

  for (const path of ['/games', '/classes', '/settings']) {
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    await expectAccessible(page, path);
    await expectNoSidewaysScroll(page, path);
  }
});

test('an instructor: host setup, hosted games, classes pass axe', async ({ page }) => {
  await signUp(page, 'Host Hana', 'instructor');
  for (const path of ['/host', '/host/history', '/classes', '/decks/import']) {
    await page.goto(path);
    await expect(page.locator('main h1').first()).toBeVisible();
    await expectAccessible(page, path);
  }
  // A class of their own: its page and its reports.
  await page.goto('/classes');
  await page.getByLabel('Name').fill('Cloud 101');
  await page.getByRole('button', { name: 'Create class' }).click();
  await page.waitForURL(/\/classes\/[^/]+$/);
  await expect(page.getByRole('heading', { name: 'Cloud 101' })).toBeVisible();
  await expectAccessible(page, 'a class');
  await page.goto(`${new URL(page.url()).pathname}/reports`);
  await expect(page.locator('main h1').first()).toBeVisible();
  await expectAccessible(page, 'class reports');
});
