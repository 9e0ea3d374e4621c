import { expect, test } from '@playwright/test';

test('sign up, sign out, sign in: the home page shows the user', async ({ page }) => {
  const email = `e2e-${Date.now()}@example.com`;
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Join a game' })).toBeVisible();
  await expect(page.getByLabel('Game PIN')).toBeVisible();

  await page.getByRole('link', { name: 'Sign up' }).click();
  await page.getByLabel('Display name').fill('Riley');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-good-password');
  await page.getByLabel(/Instructor/).check();
  await page.getByRole('button', { name: 'Sign up' }).click();

  await expect(page.getByTestId('current-user')).toContainText('Riley');
  await expect(page.getByTestId('current-user')).toContainText('instructor');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);

  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('a-good-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('welcome')).toContainText('Riley');
});

test('a wrong password shows an error and keeps the user signed out', async ({ page }) => {
  const email = `e2e-wrong-${Date.now()}@example.com`;
  await page.goto('/sign-up');
  await page.getByLabel('Display name').fill('Quinn');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('the-right-password');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Quinn');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();

  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('main').getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page.getByTestId('current-user')).toHaveCount(0);
});

test('the PIN box asks for six digits', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Game PIN').fill('12a3');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(page.locator('main').getByRole('alert')).toHaveText('A game PIN has 6 digits.');
});
