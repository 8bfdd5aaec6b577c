import { test, expect, expectAccessible, signIn } from './fixtures';

test('a coordinator sets up a plan with a priority, an action point and an indicator; the API\'s refusals appear at their field', async ({ page }) => {
  await signIn(page, 'coordinator@veluwe-west.example', '/samenwerkingsverbanden/veluwe-west/plannen');
  await page.getByRole('link', { name: 'Nieuw plan' }).click();
  const form = page.getByRole('form', { name: 'Nieuw plan' });
  await form.getByLabel('Titel').fill('Uitvoeringsplan woninginbraak 2027-2030');
  await form.getByLabel('Eerste jaar').fill('2030');
  await form.getByLabel('Laatste jaar').fill('2027');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  // The API refuses (end before start): its reason stands at the field and in the summary.
  const summary = page.getByRole('alert').filter({ hasText: 'is 1 fout gevonden' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: 'Laatste jaar: mag niet voor het beginjaar liggen' })).toBeVisible();
  await expect(form.getByLabel('Laatste jaar')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Titel')).toHaveValue('Uitvoeringsplan woninginbraak 2027-2030');
  await expectAccessible(page);
  await summary.getByRole('link').click();
  await expect(form.getByLabel('Laatste jaar')).toBeFocused();
  await form.getByLabel('Eerste jaar').fill('2027');
  await form.getByLabel('Laatste jaar').fill('2030');
  await form.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitvoeringsplan woninginbraak 2027-2030' })).toBeVisible();
  await expect(page.getByText('Dit plan heeft nog geen prioriteiten.')).toBeVisible();

  await page.getByRole('link', { name: 'Prioriteit toevoegen' }).click();
  const pform = page.getByRole('form', { name: 'Nieuwe prioriteit' });
  await expect(pform.getByLabel('Plan')).toHaveValue(/.+/);
  await pform.getByLabel('Titel').fill('Woninginbraak');
  await pform.getByLabel('Niveau').selectOption({ label: 'Eén gemeente' });
  await pform.getByLabel('Gemeente').selectOption({ label: 'Harderwijk' });
  await pform.getByLabel(/^Doelstelling/).fill('Minder dan 100 woninginbraken in 2030.');
  await pform.getByLabel(/^Partners/).fill('Politie\nWoningcorporatie');
  await expectAccessible(page);
  await pform.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Woninginbraak' })).toBeVisible();
  await expect(page.getByText('Gemeente Harderwijk')).toBeVisible();
  await expect(page.getByText('Politie, Woningcorporatie')).toBeVisible();

  await page.getByRole('link', { name: 'Actiepunt toevoegen' }).click();
  const aform = page.getByRole('form', { name: 'Nieuw actiepunt' });
  await aform.getByLabel('Actiepunt').fill('Inbraakpreventie-avond in Stadsdennen');
  await aform.getByLabel(/^Klaar op/).fill('2027-03-31');
  await aform.getByRole('button', { name: 'Opslaan' }).click();
  const actions = page.getByRole('table', { name: /Actiepunten/ });
  await expect(actions.getByRole('row', { name: /Inbraakpreventie-avond/ })).toContainText('31 maart 2027');

  await page.getByRole('link', { name: 'Indicator toevoegen' }).click();
  const iform = page.getByRole('form', { name: 'Nieuwe indicator' });
  await iform.getByLabel('Naam', { exact: true }).fill('Woninginbraken');
  await iform.getByLabel('Bron').fill('politie');
  const harderwijk = iform.getByRole('group', { name: 'Harderwijk' });
  await harderwijk.getByLabel('Jaar uitgangswaarde').fill('2026');
  await harderwijk.getByLabel(/^Uitgangswaarde/).fill('1.250');
  await harderwijk.getByLabel('Jaar streefwaarde').fill('2030');
  await harderwijk.getByLabel(/^Streefwaarde/).fill('veel minder');
  await iform.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Harderwijk, streefwaarde: Vul de streefwaarde in als getal, zoals 800 of 7,7.' })).toBeVisible();
  await harderwijk.getByLabel(/^Streefwaarde/).fill('1000');
  await expectAccessible(page);
  await iform.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Woninginbraken' })).toBeVisible();
  const area = page.getByRole('region', { name: 'Harderwijk' });
  await expect(area.getByText('1.250 (2026)').first()).toBeVisible();
  await expect(area.getByText('≤ 1.000 (2030)')).toBeVisible();

  // An indicator without figures can go; so can the action point, the priority and the plan.
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await page.getByRole('group', { name: /deze indicator wilt verwijderen/ }).getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Woninginbraak' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Indicator toevoegen' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Woninginbraken/ })).toHaveCount(0);
  await actions.getByRole('link', { name: /Bewerken/ }).click();
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByText('Er zijn nog geen actiepunten.')).toBeVisible();
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uitvoeringsplan woninginbraak 2027-2030' })).toBeVisible();
  await page.getByRole('button', { name: 'Verwijderen' }).click();
  await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plannen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Uitvoeringsplan woninginbraak 2027-2030' })).toHaveCount(0);
});
