import { test, expect, expectAccessible, signIn } from './fixtures';

test('the overview shows every priority with its status, what needs attention first, and filters', async ({ page }) => {
  await signIn(page, 'bestuurder@veluwe-west.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht Veluwe-West' })).toBeVisible();
  // The IVP ran until 2024: the overview says so instead of calling it current.
  await expect(page.getByRole('heading', { level: 2, name: 'Laatste plan' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Integraal Veiligheidsplan/ })).toBeVisible();

  const cards = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 4 }) }).getByRole('listitem');
  // Five bovenlokale priorities, the overall goal and eight local ones.
  await expect(cards).toHaveCount(14);
  await expect(page.getByText(/^14 prioriteiten: /)).toBeVisible();

  // Groups in the order a bestuurder needs them: attention, figures too old, on track, not yet
  // measured.
  const groups = page
    .getByRole('region')
    .filter({ has: page.getByRole('heading', { level: 3, name: /^(Vraagt aandacht|Geen actuele cijfers|Op koers|Nog zonder cijfers) \(\d+\)$/ }) });
  await expect(groups.getByRole('heading', { level: 3 }).filter({ hasText: /\(\d+\)$/ })).toHaveText([
    /^Vraagt aandacht/,
    /^Geen actuele cijfers/,
    /^Op koers/,
    /^Nog zonder cijfers/,
  ]);
  const attention = page.getByRole('region', { name: /^Vraagt aandacht/ });
  const outdated = page.getByRole('region', { name: /^Geen actuele cijfers/ });
  const onTrack = page.getByRole('region', { name: /^Op koers/ });
  const noData = page.getByRole('region', { name: /^Nog zonder cijfers/ });
  // Ondermijning has no figures yet, but its expert group judged "aandacht nodig": it needs attention.
  const ondermijning = attention.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Ondermijning', exact: true }) });
  await expect(ondermijning).toContainText('Expertgroep Ondermijning');
  await expect(ondermijning.getByText(/^Oordeel: \S/)).toHaveText('Oordeel: Aandacht nodig');
  // Other journeys enter figures at the same time, so the overall goal may have moved group: each
  // group holds only its own statuses, wherever it stands.
  const overall = cards.filter({ hasText: 'Overkoepelende veiligheidsdoelstelling' });
  await expect(overall).toContainText('Bovenlokaal');
  await expect(overall.getByText(/^Status: (Op koers|Niet op koers|Aandacht nodig|Geen actuele cijfers)$/)).toBeVisible();
  for (const badge of await outdated.getByText(/^Status: \S/).allTextContents()) expect(badge).toBe('Status: Geen actuele cijfers');
  for (const badge of await onTrack.getByText(/^Status: \S/).allTextContents()) expect(badge).toBe('Status: Op koers');
  for (const badge of await noData.getByText(/^Status: \S/).allTextContents()) expect(badge).toBe('Status: Geen gegevens');
  await expectAccessible(page);

  await page.getByLabel('Gemeente').selectOption({ label: 'Putten' });
  await expect(page.getByRole('status').filter({ hasText: 'prioriteiten worden getoond' })).toContainText('van de 14');
  await expect(cards.filter({ hasText: 'Gemeente Ermelo' })).toHaveCount(0);
  await expect(cards.filter({ hasText: 'Gemeente Putten' }).first()).toBeVisible();
  await expect(overall).toBeVisible();

  await page.getByLabel('Status').selectOption({ label: 'Geen gegevens' });
  await expect(cards.first()).toBeVisible();
  for (const badge of await cards.getByText(/^Status: \S/).allTextContents()) expect(badge).toBe('Status: Geen gegevens');
  await expect(cards.filter({ hasText: 'Gemeente Putten' }).first()).toBeVisible();

  const followUp = page.getByRole('region', { name: 'Opvolging' });
  // Veluwe-West's demo has one overdue commitment (VW-2026-031).
  const overdue = followUp.getByRole('link', { name: '1 toezegging is over de termijn' });
  await expect(overdue).toBeVisible();
  await overdue.click();
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

test('at 320 pixels wide (400 % zoom) no page needs sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await signIn(page, 'coordinator@veluwe-west.example');
  const noSidewaysScroll = async () => {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, page.url()).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  };
  await expect(page.getByRole('heading', { level: 1, name: 'Overzicht Veluwe-West' })).toBeVisible();
  await noSidewaysScroll();
  await page.getByRole('link', { name: 'Overkoepelende veiligheidsdoelstelling' }).click();
  await expect(page.getByRole('table').first()).toBeVisible();
  await noSidewaysScroll();
  await page.getByRole('link', { name: 'Totaal misdrijven (excl. cybercrime)' }).click();
  await expect(page.getByRole('img', { name: /^Grafiek Ermelo/ })).toBeVisible();
  await noSidewaysScroll();
  await page.getByRole('link', { name: 'Indicator bewerken' }).click();
  await expect(page.getByRole('group', { name: 'Ermelo' })).toBeVisible();
  await noSidewaysScroll();
  for (const path of ['/samenwerkingsverbanden/veluwe-west/plannen', '/samenwerkingsverbanden/veluwe-west/metingen/importeren', '/toegankelijkheid']) {
    await page.goto(path);
    await noSidewaysScroll();
  }
});
