import { test, expect, expectAccessible, signIn } from './fixtures';

test('the overview shows every priority with its status, what needs attention first, and filters', async ({ page }) => {
  await signIn(page, 'bestuurder@veluwe-west.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht Veluwe-West' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Huidig plan' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Integraal Veiligheidsplan/ })).toBeVisible();

  const cards = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 3 }) }).getByRole('listitem');
  // Five bovenlokale priorities, the overall goal and eight local ones.
  await expect(cards).toHaveCount(14);
  const overall = cards.filter({ hasText: 'Overkoepelende veiligheidsdoelstelling' });
  await expect(overall).toContainText('Bovenlokaal');
  await expect(overall.getByText(/^Status: (Op koers|Niet op koers|Aandacht nodig|Geen gegevens)$/)).toBeVisible();
  const ondermijning = cards.filter({ has: page.getByRole('link', { name: 'Ondermijning', exact: true }) });
  await expect(ondermijning).toContainText('Expertgroep Ondermijning');

  // Attention first: no "op koers" card comes before one that is "niet op koers" or needs attention.
  const order = await cards.getByText(/^Status: \S/).allTextContents();
  expect(order).toHaveLength(14);
  const rank = (s: string) => ['Niet op koers', 'Aandacht nodig', 'Geen gegevens', 'Op koers'].indexOf(s.replace('Status: ', '').trim());
  expect(order.map(rank)).toEqual([...order.map(rank)].sort((a, b) => a - b));
  await expectAccessible(page);

  await page.getByLabel('Gemeente').selectOption({ label: 'Putten' });
  await expect(page.getByRole('status').filter({ hasText: 'prioriteiten worden getoond' })).toContainText('van de 14');
  await expect(cards.filter({ hasText: 'Gemeente Ermelo' })).toHaveCount(0);
  await expect(cards.filter({ hasText: 'Gemeente Putten' }).first()).toBeVisible();
  await expect(overall).toBeVisible();

  await page.getByLabel('Status').selectOption({ label: 'Op koers' });
  for (const badge of await cards.getByText(/^Status: \S/).allTextContents()) {
    expect(badge.trim()).toBe('Status: Op koers');
  }

  const followUp = page.getByRole('region', { name: 'Opvolging' });
  await expect(followUp.getByRole('link', { name: /toezegging(en)? over de termijn/ })).toBeVisible();
  await followUp.getByRole('link', { name: /toezegging(en)? over de termijn/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Toezeggingen' })).toBeVisible();
  await expect(page.getByText('nog niet beschikbaar')).toBeVisible();
  await expectAccessible(page);
});

test('a cooperation the user is not a member of looks exactly like an unknown page', async ({ page }) => {
  await signIn(page, 'coordinator@veluwe-west.example', '/samenwerkingsverbanden/tweestromenland');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await expect(page.getByText('Tweestromenland')).toHaveCount(0);
  await expectAccessible(page);
  await page.goto('/bestaat/niet');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
  await page.goto('/samenwerkingsverbanden/veluwe-west/bestaat-niet');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
});

test('the refresh cookie of one cooperation\'s user never opens another cooperation', async ({ page }) => {
  await signIn(page, 'admin@veluwe-west.example');
  const refreshed = await page.request.post('/api/v1/auth/refresh', { headers: { 'X-Client': 'web' } });
  expect(refreshed.status()).toBe(200);
  const { accessToken } = await refreshed.json();
  expect(accessToken).toBeTruthy();
  const auth = { Authorization: `Bearer ${accessToken}` };
  expect((await page.request.get('/api/v1/tenants/veluwe-west/plans', { headers: auth })).status()).toBe(200);
  for (const other of ['tweestromenland', '1stroom']) {
    expect((await page.request.get(`/api/v1/tenants/${other}/plans`, { headers: auth })).status()).toBe(404);
    expect((await page.request.get(`/api/v1/tenants/${other}/indicators`, { headers: auth })).status()).toBe(404);
  }
  // Without the custom header a cross-site form cannot use the cookie.
  expect((await page.request.post('/api/v1/auth/refresh')).status()).toBe(403);
});

test('a platform admin sees the list of cooperations and none of their data', async ({ page }) => {
  await signIn(page, 'platform-admin@platform.example');
  await expect(page).toHaveURL(/\/beheer\/samenwerkingsverbanden$/);
  const table = page.getByRole('table', { name: /samenwerkingsverbanden/ });
  await expect(table.getByRole('rowheader', { name: 'Veluwe-West' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: 'Tweestromenland' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/samenwerkingsverbanden/veluwe-west');
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeVisible();
});

test('at 320 pixels wide the overview needs no sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await signIn(page, 'viewer@veluwe-west.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht Veluwe-West' })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
});
