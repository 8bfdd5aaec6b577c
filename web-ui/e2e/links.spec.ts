import { execFileSync } from 'node:child_process';
import { test, expect, expectAccessible, mailUrl, password, signIn } from './fixtures';

interface Email {
  subject: string;
  html?: string;
  text?: string;
}

const base = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';

/** Every address into the platform that the worker's emails contain, by kind of page. */
async function linksByKind(request: import('@playwright/test').APIRequestContext) {
  const emails = (await (await request.get(`${mailUrl}/api/email`)).json()) as Email[];
  const links = new Set<string>();
  for (const e of emails) {
    for (const m of `${e.html ?? ''} ${e.text ?? ''}`.matchAll(/https?:\/\/[^\s"'<>)]+/g)) {
      const url = m[0].replace(/&amp;/g, '&');
      if (url.startsWith(base)) links.add(url);
    }
  }
  const kinds = new Map<string, string>();
  for (const url of links) {
    const path = new URL(url).pathname;
    const kind = path
      .replace(/^\/samenwerkingsverbanden\/[^/]+/, '/samenwerkingsverbanden/{slug}')
      .replace(/\/[0-9a-f-]{36}/g, '/{id}')
      .replace(/^\/api\/v1\/unsubscribe\/[^/]+$/, '/api/v1/unsubscribe/{token}');
    // One of each kind, from Veluwe-West where there is one (the test signs in there).
    if (!kinds.has(kind) || url.includes('/veluwe-west')) kinds.set(kind, url);
  }
  return kinds;
}

/**
 * Review reminders go out from 14 days before a review is due: a worker round on the next due date
 * (the worker's clock can be set) makes the reminder with the expert group's link.
 */
async function remindOfNextReview(request: import('@playwright/test').APIRequestContext) {
  const login = await request.post('/api/v1/auth/login', { data: { email: 'coordinator@veluwe-west.example', password } });
  const { accessToken } = await login.json();
  const groups = await request.get('/api/v1/tenants/veluwe-west/expert-groups', { headers: { Authorization: `Bearer ${accessToken}` } });
  const due: string = (await groups.json()).items[0].compliance.nextDueOn;
  execFileSync(process.env.E2E_WORKER_BIN ?? '../target/debug/worker', ['run-once', '--now', `${due}T08:00:00+01:00`], { stdio: 'pipe' });
}

test('every kind of link in the worker\'s emails opens a page, not a 404', async ({ page, request }) => {
  await remindOfNextReview(request);
  let kinds = new Map<string, string>();
  await expect
    .poll(async () => {
      kinds = await linksByKind(request);
      return [...kinds.keys()].sort();
    }, { timeout: 45_000, message: 'the worker\'s first round has sent its reminders and digests' })
    .toEqual(
      expect.arrayContaining([
        '/samenwerkingsverbanden/{slug}',
        '/samenwerkingsverbanden/{slug}/expertgroepen/{id}',
        '/samenwerkingsverbanden/{slug}/toezeggingen/{id}',
        '/instellingen/meldingen',
        '/api/v1/unsubscribe/{token}',
      ]),
    );

  await signIn(page, 'coordinator@veluwe-west.example');
  for (const [kind, url] of kinds) {
    const response = await page.goto(url);
    expect(response?.status(), kind).toBe(200);
    if (kind.startsWith('/api/v1/unsubscribe')) {
      // The API's own page: a button confirms, opening it changes nothing.
      await expect(page.getByRole('button')).toBeVisible();
      continue;
    }
    if (!url.includes('/veluwe-west') && kind.startsWith('/samenwerkingsverbanden')) continue;
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }), kind).toHaveCount(0);
    await expectAccessible(page);
  }
});
