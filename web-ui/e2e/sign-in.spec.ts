import { test, expect, expectAccessible, password, signIn } from './fixtures';

test('a wrong password gets the API\'s message at the top of the form, and nothing else happens', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/inloggen\?terug=%2F$/);
  await expect(page).toHaveTitle('Inloggen – Veiligheidsplatform');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'fouten gevonden' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'E-mailadres: Vul uw e-mailadres in.' })).toBeVisible();
  await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.getByLabel('E-mailadres').fill('coordinator-ermelo@veluwe-west.example');
  await page.getByLabel('Wachtwoord').fill('niet-het-goede-wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toContainText(/wachtwoord/i);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
});

test('signing in lands a member of one cooperation on its overview; reload keeps the session; signing out ends it', async ({ page, context }) => {
  await signIn(page, 'coordinator-ermelo@veluwe-west.example');
  await expect(page).toHaveURL(/\/samenwerkingsverbanden\/veluwe-west$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht Veluwe-West' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('coördinator');

  // The refresh token is an HttpOnly, SameSite=Strict cookie scoped to the auth endpoints.
  const cookies = await context.cookies();
  const refresh = cookies.find((c) => c.name === 'refresh_token');
  expect(refresh).toBeDefined();
  expect(refresh!.httpOnly).toBe(true);
  expect(refresh!.sameSite).toBe('Strict');
  expect(refresh!.path).toBe('/api/v1/auth');
  // No token of any kind is where a script can read it.
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await page.evaluate(() => window.localStorage.length + window.sessionStorage.length)).toBe(0);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht Veluwe-West' })).toBeVisible();

  await page.getByRole('button', { name: 'Afmelden' }).click();
  await expect(page).toHaveURL(/\/inloggen\?afgemeld=1$/);
  await expect(page.getByRole('status')).toContainText('U bent afgemeld.');
  await page.goto('/samenwerkingsverbanden/veluwe-west');
  await expect(page).toHaveURL(/\/inloggen\?terug=/);
});

test('after signing in the user returns to the page they asked for', async ({ page }) => {
  await page.goto('/samenwerkingsverbanden/veluwe-west/indicatoren?naam=excl');
  await expect(page).toHaveURL(/\/inloggen\?terug=/);
  await page.getByLabel('E-mailadres').fill('viewer@veluwe-west.example');
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/samenwerkingsverbanden\/veluwe-west\/indicatoren\?naam=excl$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Indicatoren' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Totaal misdrijven (excl. cybercrime)' })).toBeVisible();
});

test('signing in with the keyboard alone', async ({ page }) => {
  await page.goto('/inloggen');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mailadres')).toBeFocused();
  await page.keyboard.type('bestuurder@veluwe-west.example');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Wachtwoord')).toBeFocused();
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht Veluwe-West' })).toBeVisible();
  await expectAccessible(page);
});

test('a session that can no longer be refreshed returns to sign-in and back, keeping what was typed', async ({ page, context }) => {
  await signIn(page, 'coordinator-ermelo@veluwe-west.example', '/samenwerkingsverbanden/veluwe-west/indicatoren?naam=excl');
  await page.getByRole('link', { name: 'Totaal misdrijven (excl. cybercrime)' }).click();
  const form = page.getByRole('form', { name: 'Cijfer invoeren' });
  await form.getByLabel('Jaar', { exact: true }).fill('2023');
  await form.getByLabel(/^Waarde/).fill('901');
  await form.getByLabel('Bron').fill('politie, nog niet bevestigd');
  // The session ends behind the page's back: the refresh cookie is gone, and the API refuses the
  // access token on the next request (as it does once the token has run out).
  await context.clearCookies();
  await page.route('**/api/v1/tenants/*/indicators/*/measurements', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 401, contentType: 'application/problem+json', body: JSON.stringify({ status: 401, code: 'unauthorized', detail: 'Log in.' }) })
      : route.continue(),
  );
  await form.getByRole('button', { name: 'Cijfer opslaan' }).click();
  await expect(page).toHaveURL(/\/inloggen\?terug=.*verlopen=1/);
  await expect(page.getByRole('status').filter({ hasText: 'Uw sessie is verlopen' })).toBeVisible();
  await page.unroute('**/api/v1/tenants/*/indicators/*/measurements');
  await page.getByLabel('E-mailadres').fill('coordinator-ermelo@veluwe-west.example');
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const again = page.getByRole('form', { name: 'Cijfer invoeren' });
  await expect(again.getByLabel('Bron')).toHaveValue('politie, nog niet bevestigd');
  await expect(again.getByLabel(/^Waarde/)).toHaveValue('901');
  await expect(again.getByLabel('Jaar', { exact: true })).toHaveValue('2023');
});
