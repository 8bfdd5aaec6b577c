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
  /** Axis bounds with some room around the figures. */
  yDomain: [number, number];
  xDomain: [number, number];
  /** A sentence with the same information as the picture, for the figure's text alternative. */
  summary: string;
}

/**
 * Shapes one area's figures for a chart: measurements as a line, the baseline point, a dashed line
 * from baseline to target and the target point. Periods become positions on one time axis, so years
 * and half-years can mix (2026 sits between 2026-H1 and 2026-H2).
 */
export function areaChart(area: IndicatorArea, measurements: Measurement[], fmt: (n: number) => string): AreaChart {
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
  return {
    rows,
    yDomain: niceDomain(values),
    xDomain: xs.length ? [Math.floor(Math.min(...xs)), Math.ceil(Math.max(...xs))] : [0, 1],
    summary: summarise(area, own, fmt),
  };
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
