import { test, expect, expectAccessible, signIn } from './fixtures';

test('a viewer reads everything and sees no controls to change anything', async ({ page }) => {
  await signIn(page, 'viewer@veluwe-west.example');
  await page.getByRole('link', { name: 'Plannen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plannen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nieuw plan' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Integraal Veiligheidsplan Veluwe-West 2020-2024' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Integraal Veiligheidsplan Veluwe-West 2020-2024' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ondermijning', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Plan bewerken' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Prioriteit toevoegen' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Ondermijning', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ondermijning' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Prioriteit bewerken' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Verwijderen' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Actiepunt toevoegen' })).toHaveCount(0);
  await expectAccessible(page);
});

test('an edit the API refuses (403) is explained politely and nothing is lost', async ({ page }) => {
  // The page is made to believe the viewer is a coordinator; the API still decides.
  await page.route('**/api/v1/me', async (route) => {
    const response = await route.fetch();
    const me = await response.json();
    me.memberships = me.memberships.map((m: { role: string }) => ({ ...m, role: 'coordinator' }));
    await route.fulfill({ response, json: me });
  });
  await signIn(page, 'viewer@veluwe-west.example', '/samenwerkingsverbanden/veluwe-west/indicatoren?naam=excl');
  await page.getByRole('link', { name: 'Totaal misdrijven (excl. cybercrime)' }).click();
  const form = page.getByRole('form', { name: 'Cijfer invoeren' });
  await form.getByLabel('Gebied').selectOption({ label: 'Putten' });
  await form.getByLabel('Jaar', { exact: true }).fill('2021');
  await form.getByLabel(/^Waarde/).fill('555');
  await form.getByRole('button', { name: 'Cijfer opslaan' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'U mag dit niet doen met uw rol.' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toBeFocused();
  await expect(form.getByLabel(/^Waarde/)).toHaveValue('555');
  await expectAccessible(page);
});

test('a coordinator scoped to Ermelo edits Ermelo\'s priorities and not Harderwijk\'s', async ({ page }) => {
  await signIn(page, 'coordinator-ermelo@veluwe-west.example');
  await page.getByLabel('Gemeente').selectOption({ label: 'Harderwijk' });
  await page.getByRole('listitem').filter({ hasText: 'Gemeente Harderwijk' }).getByRole('heading').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 2, name: 'Actiepunten' })).toBeVisible();
  await expect(page.getByText('Gemeente Harderwijk')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Prioriteit bewerken' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Actiepunt toevoegen' })).toHaveCount(0);
  await page.goBack();
  await page.getByLabel('Gemeente').selectOption({ label: 'Ermelo' });
  await page.getByRole('listitem').filter({ hasText: 'Gemeente Ermelo' }).getByRole('heading').getByRole('link').first().click();
  await expect(page.getByRole('link', { name: 'Prioriteit bewerken' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Actiepunt toevoegen' })).toBeVisible();
});
