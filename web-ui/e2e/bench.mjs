// Benchmark of the web UI (not a test): bundle sizes, and in headless Chromium the time until the
// overview of Veluwe-West shows its priorities and until Ermelo's crime chart is drawn, cold (empty
// cache) and warm. Run by scripts/bench-web-ui against a platform started with the demo data.
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const dist = new URL('../dist/', import.meta.url).pathname;
const base = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';
const password = process.env.E2E_DEMO_PASSWORD;
const runs = Number(process.env.BENCH_RUNS ?? 5);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file) => gzipSync(readFileSync(join(dist, file))).length;
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));

/** A chunk with every chunk it imports statically: what the browser loads for it. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key].imports ?? []) closure(dep, seen);
  return seen;
}
const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const sizeOf = (keys) => [...keys].reduce((sum, k) => sum + gz(manifest[k].file), 0);
const entry = closure(entryKey);
// A page in the first bundle (the overview) adds nothing; a lazy one adds its own chunks.
const route = (name) => {
  const key = Object.keys(manifest).find((k) => k.endsWith(`${name}.tsx`) && manifest[k].file);
  return sizeOf(key && manifest[key].isDynamicEntry ? new Set([...entry, ...closure(key)]) : entry);
};
const css = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.css')).reduce((s, f) => s + gz(`assets/${f}`), 0);
const allJs = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js')).reduce((s, f) => s + gz(`assets/${f}`), 0);

console.log('Bundle (gzipped)');
console.log(`  first page (sign-in), JavaScript   ${kb(sizeOf(entry))}   (budget 250 KB; holds the overview too)`);
console.log(`  overview, JavaScript               ${kb(route('OverviewPage'))}`);
console.log(`  indicator page, JavaScript         ${kb(route('IndicatorPage'))}`);
const chartKey = Object.keys(manifest).find((k) => k.endsWith('AreaChartView.tsx'));
const chartOnly = new Set([...closure(chartKey)].filter((k) => !entry.has(k)));
console.log(`  + its charts (recharts, lazy)      ${kb(sizeOf(chartOnly))}`);
console.log(`  all JavaScript                     ${kb(allJs)}`);
console.log(`  CSS                                ${kb(css)}`);

if (!password) {
  console.log('\nE2E_DEMO_PASSWORD not set: no browser timings.');
  process.exit(0);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function signedInContext(email) {
  const context = await browser.newContext({ baseURL: base, locale: 'nl-NL' });
  const r = await context.request.post('/api/v1/auth/login', { headers: { 'X-Client': 'web' }, data: { email, password } });
  if (r.status() !== 200) throw new Error(`sign-in failed: ${r.status()}`);
  return context;
}

async function time(page, path, ready) {
  const start = performance.now();
  await page.goto(path);
  await ready(page);
  return performance.now() - start;
}

const overviewReady = (page) => page.getByRole('heading', { level: 4 }).nth(13).waitFor();
const indicatorReady = (page) => page.getByRole('img', { name: /^Grafiek Ermelo/ }).locator('svg path').first().waitFor();
const figuresReady = (page) => page.getByRole('table', { name: /Metingen .* in Ermelo/ }).waitFor();

const owner = await signedInContext('coordinator@veluwe-west.example');
const lookup = await owner.request.post('/api/v1/auth/refresh', { headers: { 'X-Client': 'web' } });
const token = (await lookup.json()).accessToken;
const list = await owner.request.get('/api/v1/tenants/veluwe-west/indicators?name=excl', { headers: { Authorization: `Bearer ${token}` } });
const indicatorId = (await list.json()).items[0].id;
await owner.close();

const results = { overview: { cold: [], warm: [] }, figures: { cold: [], warm: [] }, indicator: { cold: [], warm: [] } };
for (let i = 0; i < runs; i++) {
  for (const [name, path, ready] of [
    ['overview', '/samenwerkingsverbanden/veluwe-west', overviewReady],
    ['figures', `/samenwerkingsverbanden/veluwe-west/indicatoren/${indicatorId}`, figuresReady],
    ['indicator', `/samenwerkingsverbanden/veluwe-west/indicatoren/${indicatorId}`, indicatorReady],
  ]) {
    const context = await signedInContext('coordinator@veluwe-west.example');
    const page = await context.newPage();
    results[name].cold.push(await time(page, path, ready));
    results[name].warm.push(await time(page, path, ready));
    await context.close();
  }
}
await browser.close();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`\nHeadless Chromium, median of ${runs} (min–max), from navigation until drawn`);
for (const [name, label] of [
  ['overview', 'overview Veluwe-West, 14 priorities'],
  ['figures', 'Ermelo indicator, figures shown    '],
  ['indicator', 'Ermelo indicator, chart drawn      '],
]) {
  for (const kind of ['cold', 'warm']) {
    const xs = results[name][kind];
    console.log(`  ${label} ${kind}: ${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`);
  }
}
