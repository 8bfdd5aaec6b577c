import { test, expect, expectAccessible, signIn } from './fixtures';

test('a coordinator of Ermelo follows the overall goal to Ermelo\'s crime figure, enters 2024 and sees the verdict change', async ({ page }) => {
  await signIn(page, 'coordinator-ermelo@veluwe-west.example');
  await page.getByRole('link', { name: 'Overkoepelende veiligheidsdoelstelling' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overkoepelende veiligheidsdoelstelling' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Kruimelpad' })).toContainText('Plannen');
  const progress = page.getByRole('table', { name: /Totaal misdrijven \(excl\. cybercrime\).*voortgang per gebied/ });
  const ermeloRow = progress.getByRole('row', { name: /^Ermelo/ });
  await expect(ermeloRow).toContainText('930 (2019)');
  await expect(ermeloRow).toContainText('≤ 800 (2024)');
  await expect(progress.getByRole('row', { name: /^Harderwijk/ })).toContainText('1.696 (2019)');
  // A scoped coordinator does not edit a cooperation-wide priority.
  await expect(page.getByRole('link', { name: 'Prioriteit bewerken' })).toHaveCount(0);
  await expectAccessible(page);

  await progress.getByRole('link', { name: 'Totaal misdrijven (excl. cybercrime)' }).click();
  await expect(page).toHaveTitle('Totaal misdrijven (excl. cybercrime) – Veiligheidsplatform');
  const ermelo = page.getByRole('region', { name: 'Ermelo' });
  await expect(ermelo.getByRole('img', { name: /^Grafiek Ermelo\. .*930 in 2019/ })).toBeVisible();
  await expect(ermelo.getByText('930 (2019)').first()).toBeVisible();
  await expect(ermelo.getByText('≤ 800 (2024)')).toBeVisible();
  // The demo has only 2019's figure and 2024 is over: not "op koers", but not known.
  await expect(ermelo.getByText(/^Status: \S/).first()).toHaveText('Status: Geen actuele cijfers');
  await expect(ermelo.getByText('Onbekend: geen cijfer over 2024', { exact: true })).toBeVisible();
  await expect(ermelo.getByRole('table', { name: /Metingen .* in Ermelo/ }).getByRole('row', { name: /^2019/ })).toContainText('930');
  // The chart draws the measurements, the baseline, the dashed line to the target and the target.
  await expect(ermelo.getByText('Lijn naar de streefwaarde')).toBeVisible();
  await expect(ermelo.getByText('Streefwaarde', { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole('form', { name: 'Cijfer invoeren' });
  const area = form.getByLabel('Gebied');
  await expect(area.getByRole('option')).toHaveText(['Ermelo']);
  await form.getByLabel('Jaar', { exact: true }).fill('2024');
  await form.getByLabel(/^Waarde/).fill('812');
  await form.getByLabel('Bron').fill('politie, jaarcijfers 2024');
  await form.getByRole('button', { name: 'Cijfer opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: '812 voor Ermelo over 2024 is opgeslagen' })).toBeVisible();
  await expect(ermelo.getByText(/^Status: \S/).first()).toHaveText('Status: Niet op koers');
  await expect(ermelo.getByText('Niet gehaald in 2024', { exact: true })).toBeVisible();
  await expect(ermelo.getByRole('table', { name: /Metingen .* in Ermelo/ }).getByRole('row', { name: /^2024/ })).toContainText('812');

  // Replacing a figure shows the previous one and asks first; the old value stays in the history.
  await form.getByLabel('Jaar', { exact: true }).fill('2024');
  await form.getByLabel(/^Waarde/).fill('790');
  await form.getByRole('button', { name: 'Cijfer opslaan' }).click();
  const confirm = page.getByRole('group', { name: /staat over 2024 al 812/ });
  await expect(confirm).toBeFocused();
  await expectAccessible(page);
  await confirm.getByRole('button', { name: 'Ja, vervangen' }).click();
  await expect(page.getByRole('status').filter({ hasText: '790 voor Ermelo over 2024 is opgeslagen' })).toBeVisible();
  await expect(ermelo.getByText(/^Status: \S/).first()).toHaveText('Status: Op koers');
  await expect(ermelo.getByText('Gehaald in 2024', { exact: true })).toBeVisible();
  await ermelo.getByRole('button', { name: 'Toon geschiedenis van 2024' }).click();
  await expect(ermelo.getByText(/Eerder 812, ingevoerd door/)).toBeVisible();
  await expectAccessible(page);
});

test('entering a figure with the keyboard alone', async ({ page }) => {
  await signIn(page, 'coordinator@veluwe-west.example', '/samenwerkingsverbanden/veluwe-west/indicatoren?naam=Rapportcijfer');
  await page.getByRole('link', { name: 'Rapportcijfer veiligheid van de buurt' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Cijfer invoeren' });
  await form.getByLabel('Gebied').focus();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Jaar', { exact: true })).toBeFocused();
  // A value that is no number is refused at its field, and the summary takes focus.
  await form.getByLabel('Gebied').selectOption({ label: 'Harderwijk' });
  await form.getByLabel('Jaar', { exact: true }).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2022');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(form.getByLabel(/^Waarde/)).toBeFocused();
  await page.keyboard.type('zeven');
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'is 1 fout gevonden' });
  await expect(summary).toBeFocused();
  await expect(form.getByText('Vul een getal in, zoals 812 of 7,7.')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(form.getByLabel(/^Waarde/)).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7,4');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '7,4 voor Harderwijk over 2022 is opgeslagen' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Harderwijk' }).getByRole('table', { name: /Metingen/ }).getByRole('row', { name: /^2022/ }),
  ).toContainText('7,4');
});

test('the list of indicators filters by name and shows Dutch numbers', async ({ page }) => {
  await signIn(page, 'viewer@veluwe-west.example', '/samenwerkingsverbanden/veluwe-west/indicatoren');
  await expect(page.getByRole('heading', { level: 1, name: 'Indicatoren' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('searchbox', { name: 'Naam bevat' }).fill('excl');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page).toHaveURL(/naam=excl/);
  await expect(page.getByRole('status')).toHaveText('1 indicator gevonden.');
  await page.getByRole('link', { name: 'Totaal misdrijven (excl. cybercrime)' }).click();
  const harderwijk = page.getByRole('region', { name: 'Harderwijk' });
  await expect(harderwijk.getByText('1.696 (2019)').first()).toBeVisible();
  await expect(harderwijk.getByText('≤ 1.500 (2024)')).toBeVisible();
  // A viewer reads and does not enter figures (checked once the priority, which decides, is there).
  await expect(page.getByRole('navigation', { name: 'Kruimelpad' })).toContainText('Overkoepelende veiligheidsdoelstelling');
  await expect(page.getByRole('heading', { name: 'Cijfer invoeren' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Indicator bewerken' })).toHaveCount(0);
});
