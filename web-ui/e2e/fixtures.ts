import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const password = process.env.E2E_DEMO_PASSWORD ?? 'e2e-demo-wachtwoord';
export const mailUrl = process.env.E2E_MAILDEV_URL ?? 'http://127.0.0.1:1080';

/** WCAG 2.1 A and AA: every page the tests visit has to pass, with no rule switched off. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeHidden();
}

/**
 * Every test fails on a console error or an uncaught exception in the page (a CSP violation, a
 * React warning, a failed chunk): the run must be clean, not only green.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use, testInfo) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        // The browser logs every 4xx/5xx answer of a fetch as a console error. The tests make the
        // API refuse on purpose (wrong password, 403, 404, refused rows); those are not page errors.
        if (/Failed to load resource: the server responded with a status of (4\d\d)/.test(text)) return;
        errors.push(text);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      expect(errors, 'console errors during the test').toEqual([]);
      // Where a journey ends is a page too: it gets the same check as the ones the test named.
      if (testInfo.status === 'passed' && !page.isClosed() && page.url().startsWith('http')) await expectAccessible(page);
    },
    { auto: true },
  ],
});

export { expect };
