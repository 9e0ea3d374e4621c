import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { PrismaClient } from '../../src/generated/prisma/client';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function signUp(browser: Browser, name: string, role: 'student' | 'instructor', device = {}) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  await page.goto('/sign-up');
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Email').fill(`${name.split(' ')[0]!.toLowerCase()}-${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('a-good-password');
  if (role === 'instructor') await page.getByLabel(/Instructor/).check();
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByTestId('current-user')).toContainText(name);
  return page;
}

/**
 * The answer key of the question on screen, read from the server's database. why: the player's
 * screen never holds the key before the reveal, and the test must miss on purpose.
 */
async function playedQuestion(gameId: string, index: number) {
  // why: playwright.config.ts gives each E2E_PORT its own data folder.
  const file = path.resolve(`.e2e-data-${process.env.E2E_PORT ?? 3100}`, 'app.db');
  const prisma = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  try {
    const s = await prisma.gameSession.findUniqueOrThrow({ where: { id: gameId } });
    return (s.questions as Array<{ cardId: string; kind: string; options?: string[]; correct?: number[] }>)[index]!;
  } finally {
    await prisma.$disconnect();
  }
}

async function answerWrong(page: Page, q: { kind: string; options?: string[]; correct?: number[] }) {
  if (q.kind === 'type') {
    await page.getByLabel('Your answer').fill('certainly not this');
    await page.getByRole('button', { name: 'Submit' }).click();
    return;
  }
  const wrong = q.options!.findIndex((_, i) => !q.correct!.includes(i));
  await page.getByTestId(`option-${wrong}`).click();
  if (q.kind === 'multi') await page.getByRole('button', { name: /^Submit/ }).click();
}

test('a class session: the student joins with the code, plays, misses a card, and the card comes back in their review', async ({ browser }) => {
  test.setTimeout(240_000);

  // The instructor creates a class and publishes the SQS deck to it.
  const teacher = await signUp(browser, 'Ina Instructor', 'instructor', { viewport: { width: 1280, height: 900 } });
  await teacher.goto('/classes');
  await teacher.getByLabel('Name').fill('Cloud 101');
  await teacher.getByRole('button', { name: 'Create class' }).click();
  await teacher.waitForURL(/\/classes\/[^/]+$/);
  const classId = new URL(teacher.url()).pathname.split('/').pop()!;
  const code = (await teacher.locator('output').first().innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4,12}$/);
  await teacher.getByLabel('Publish a deck').selectOption('sqs');
  await teacher.getByRole('button', { name: 'Publish' }).click();
  await expect(teacher.getByRole('list', { name: 'Published decks' })).toContainText('SQS');

  // The student joins with the code.
  const student = await signUp(browser, 'Stu Student', 'student', PHONE);
  await student.goto('/classes');
  await student.getByLabel('Class code').fill(code);
  await student.getByRole('button', { name: 'Join' }).click();
  await student.waitForURL(`**/classes/${classId}`);
  await expect(student.getByRole('heading', { name: 'Cloud 101' })).toBeVisible();

  // The instructor hosts a one-question live session for the class.
  await teacher.goto(`/classes/${classId}/sessions`);
  await expect(teacher.getByText('Only class members can join')).toBeVisible();
  await teacher.getByLabel('Deck').selectOption('sqs');
  await teacher.getByLabel('Questions').fill('1');
  await teacher.getByRole('button', { name: 'Host live session' }).click();
  await teacher.waitForURL(/\/host\/[^/]+$/);
  const gameId = new URL(teacher.url()).pathname.split('/').pop()!;
  const pin = (await teacher.getByTestId('game-pin').innerText()).trim();

  // A guest is turned away: the class does not allow guests.
  const guest = await browser.newContext(PHONE).then((c) => c.newPage());
  await guest.goto(`/play/${pin}`);
  await guest.getByLabel('Nickname').fill('Gus');
  await guest.getByRole('button', { name: 'Join game' }).click();
  await expect(guest.getByTestId('join-error')).toContainText(/class/i);
  await guest.context().close();

  // The student plays as themselves and misses the question.
  await student.goto(`/play/${pin}`);
  await student.getByLabel('Nickname').fill('Stu');
  await student.getByRole('button', { name: 'Join game' }).click();
  await expect(student.getByRole('heading', { name: "You're in!" })).toBeVisible();
  await expect(teacher.getByTestId('player-count')).toHaveText('1');
  await teacher.getByRole('button', { name: /Start/ }).click();
  await expect(student.getByTestId('question-prompt')).toBeVisible();
  const q = await playedQuestion(gameId, 0);
  await answerWrong(student, q);
  await expect(student.getByTestId('player-reveal')).toBeVisible();
  await expect(student.getByTestId('reveal-result')).not.toHaveText('Correct!');
  await expect(teacher.getByTestId('reveal-summary')).toContainText('0 of 1 correct');

  // The session report under the class shows the student and their answer.
  await teacher.goto(`/classes/${classId}/sessions`);
  await expect(teacher.getByTestId('class-sessions')).toContainText('1 members');
  await teacher.getByRole('link', { name: 'Report', exact: true }).click();
  await teacher.waitForURL(`**/classes/${classId}/reports/sessions/${gameId}`);
  await expect(teacher.getByTestId('session-participants')).toContainText('Stu');
  await expect(teacher.getByTestId('session-participants')).toContainText('Stu Student');
  await expect(teacher.getByTestId('report-grid').locator('tbody tr')).toHaveCount(1);
  await expect(teacher.getByTestId('report-grid').getByLabel('wrong')).toHaveCount(1);
  const csv = await teacher.request.get(`/api/classes/${classId}/reports/sessions/${gameId}?format=csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain('"Stu"');
  // Reports are the instructor's alone.
  expect((await student.request.get(`/api/classes/${classId}/reports/sessions/${gameId}`)).status()).toBe(404);

  // The missed card is due in the student's review: the review queue hands it out (Again = 1-minute step).
  await expect
    .poll(
      async () => {
        const res = await student.request.get('/api/review/queue');
        const body = await res.json();
        return body?.card?.id ?? null;
      },
      { timeout: 120_000, intervals: [2_000, 5_000] },
    )
    .toBe(q.cardId);
});
