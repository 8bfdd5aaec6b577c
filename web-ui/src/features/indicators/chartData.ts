import type { IndicatorArea, Measurement } from '../../api/types';
import { formatPeriod, periodPosition } from '../../lib/format';

/** One point on the time axis of an area's chart; a field is missing where that line has no point. */
export interface ChartRow {
  x: number;
  period: string;
  measured?: number;
  /** The straight line from baseline to target that the API judges progress by. */
  guide?: number;
  baseline?: number;
  target?: number;
}

export interface AreaChart {
  rows: ChartRow[];
  /** Axis bounds on round values, with some room around the figures. */
  yDomain: [number, number];
  yTicks: number[];
  xDomain: [number, number];
  /** One tick per year (every other year over long spans), in the middle of the year. */
  xTicks: number[];
  /** A sentence with the same information as the picture, for the figure's text alternative. */
  summary: string;
}

/**
 * Shapes one area's figures for a chart: measurements as a line, the baseline point, a dashed line
 * from baseline to target and the target point. Periods become positions on one time axis, so years
 * and half-years can mix (2026 sits between 2026-H1 and 2026-H2).
 */
export function areaChart(
  area: IndicatorArea,
  measurements: Measurement[],
  fmt: (n: number) => string,
  currentYear = new Date().getFullYear(),
): AreaChart {
  const byX = new Map<number, ChartRow>();
  const row = (period: string): ChartRow => {
    const x = periodPosition(period);
    let r = byX.get(x);
    if (!r) {
      r = { x, period };
      byX.set(x, r);
    }
    return r;
  };
  const own = measurements
    .filter((m) => (m.municipalityId ?? null) === (area.municipalityId ?? null))
    .sort((a, b) => periodPosition(a.period) - periodPosition(b.period));
  for (const m of own) row(m.period).measured = m.value;
  if (area.baseline) {
    const r = row(area.baseline.period);
    r.baseline = area.baseline.value;
    if (area.target) r.guide = area.baseline.value;
  }
  if (area.target) {
    const r = row(area.target.period);
    r.target = area.target.value;
    if (area.baseline) r.guide = area.target.value;
  }
  const rows = [...byX.values()].sort((a, b) => a.x - b.x);
  const values = rows.flatMap((r) => [r.measured, r.baseline, r.target].filter((v): v is number => v !== undefined));
  const xs = rows.map((r) => r.x);
  // Up to the current year: a chart that stops at an old target hides that figures are missing.
  const first = xs.length ? Math.floor(Math.min(...xs)) : currentYear;
  const last = Math.max(xs.length ? Math.ceil(Math.max(...xs)) : currentYear + 1, currentYear + 1);
  const step = last - first > 12 ? 2 : 1;
  const xTicks: number[] = [];
  for (let y = first; y < last; y += step) xTicks.push(y + 0.5);
  const y = niceScale(values);
  return {
    rows,
    yDomain: y.domain,
    yTicks: y.ticks,
    xDomain: [first, last],
    xTicks,
    summary: summarise(area, own, fmt),
  };
}

/** A step of 1, 2, 2.5 or 5 times a power of ten that splits `span` in about four parts. */
export function niceStep(span: number): number {
  const raw = span / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Round bounds and ticks around the values: 780-950 becomes 750, 800, … 950. */
export function niceScale(values: number[]): { domain: [number, number]; ticks: number[] } {
  const [low, high] = niceDomain(values);
  const step = niceStep(high - low || 1);
  const start = Math.floor(low / step) * step;
  const end = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 1e6; t += step) ticks.push(Number(t.toFixed(10)));
  return { domain: [start, end], ticks };
}

/** Bounds that include every value with a margin of about a tenth; zero when figures are near it. */
export function niceDomain(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || Math.abs(max) || 1;
  let low = min - span * 0.15;
  const high = max + span * 0.15;
  if (min >= 0 && low < 0) low = 0;
  if (min >= 0 && min < span) low = 0;
  return [round(low), round(high)];
}

function round(n: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.abs(n) || 1) - 1);
  return Math.round(n / magnitude) * magnitude;
}

function summarise(area: IndicatorArea, own: Measurement[], fmt: (n: number) => string): string {
  const parts: string[] = [];
  if (own.length > 0) {
    parts.push(`Metingen: ${own.map((m) => `${fmt(m.value)} in ${formatPeriod(m.period)}`).join(', ')}.`);
  } else {
    parts.push('Nog geen metingen.');
  }
  if (area.baseline) parts.push(`Uitgangswaarde ${fmt(area.baseline.value)} in ${formatPeriod(area.baseline.period)}.`);
  if (area.target) {
    const words: Record<string, string> = { '<=': 'ten hoogste', '>=': 'ten minste', '=': 'gelijk aan' };
    parts.push(`Streefwaarde ${words[area.target.comparator] ?? ''} ${fmt(area.target.value)} in ${formatPeriod(area.target.period)}.`);
  }
  parts.push(`Oordeel: ${area.progress.label}.`);
  return parts.join(' ');
}
