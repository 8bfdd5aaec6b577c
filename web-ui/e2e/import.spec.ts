import { test, expect, expectAccessible, signIn } from './fixtures';

const header = 'indicator;gemeente;periode;waarde;toelichting';
const good = 'Rapportcijfer veiligheid van de buurt;Putten;2023;7,8;Veiligheidsmonitor 2023';
const bad = 'Rapportcijfer veiligheid van de buurt;Putten;2023-H3;7,9;periode bestaat niet';

test('a semicolon file with a bad row is refused whole and names the line; a good file then imports', async ({ page }) => {
  await signIn(page, 'coordinator@veluwe-west.example', '/samenwerkingsverbanden/veluwe-west/metingen/importeren');
  await expect(page.getByRole('heading', { level: 1, name: 'Cijfers importeren' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Bestand controleren' }).click();
  await expect(page.getByText('Kies eerst een CSV-bestand.')).toBeVisible();

  await page.getByLabel('CSV-bestand').setInputFiles({
    name: 'politie-2023.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}\r\n${good}\r\n${bad}\r\n`, 'utf8'),
  });
  await page.getByRole('button', { name: 'Bestand controleren' }).click();
  const refused = page.getByRole('table', { name: /Geweigerde regels/ });
  await expect(refused.getByRole('row', { name: /Regel 3/ })).toBeVisible();
  await expect(page.getByText('politie-2023.csv bevat fouten: er is niets opgeslagen')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Importeren' })).toHaveCount(0);
  await expectAccessible(page);

  // Nothing was written.
  await page.goto('/samenwerkingsverbanden/veluwe-west/indicatoren?naam=Rapportcijfer');
  await page.getByRole('link', { name: 'Rapportcijfer veiligheid van de buurt' }).click();
  const putten = page.getByRole('region', { name: 'Putten' });
  await expect(putten.getByRole('table', { name: /Metingen/ })).toBeVisible();
  await expect(putten.getByRole('table', { name: /Metingen/ }).getByRole('row', { name: /^2023/ })).toHaveCount(0);

  await page.goto('/samenwerkingsverbanden/veluwe-west/metingen/importeren');
  await page.getByLabel('CSV-bestand').setInputFiles({
    name: 'politie-2023.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}\r\n${good}\r\n`, 'utf8'),
  });
  await page.getByRole('button', { name: 'Bestand controleren' }).click();
  await expect(page.getByText('Bij importeren: 1 regel: 1 nieuw, 0 gewijzigd, 0 ongewijzigd. Er is nog niets opgeslagen.')).toBeVisible();
  await page.getByRole('button', { name: 'Importeren' }).click();
  await expect(page.getByText('politie-2023.csv is geïmporteerd')).toBeVisible();
  await expectAccessible(page);

  await page.goto('/samenwerkingsverbanden/veluwe-west/indicatoren?naam=Rapportcijfer');
  await page.getByRole('link', { name: 'Rapportcijfer veiligheid van de buurt' }).click();
  await expect(
    page.getByRole('region', { name: 'Putten' }).getByRole('table', { name: /Metingen/ }).getByRole('row', { name: /^2023/ }),
  ).toContainText('7,8');
});

test('the figures download as a CSV file through the session', async ({ page }) => {
  await signIn(page, 'viewer@veluwe-west.example', '/samenwerkingsverbanden/veluwe-west/metingen/importeren');
  await expect(page.getByRole('heading', { level: 1, name: 'Cijfers downloaden' })).toBeVisible();
  await expect(page.getByLabel('CSV-bestand')).toHaveCount(0);
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Cijfers downloaden' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  const path = await file.path();
  const text = (await import('node:fs')).readFileSync(path!, 'utf8');
  expect(text).toContain('Totaal misdrijven (excl. cybercrime)');
  expect(text).toContain(';');
  await expect(page.getByRole('status').filter({ hasText: 'is gedownload' })).toBeVisible();
});
