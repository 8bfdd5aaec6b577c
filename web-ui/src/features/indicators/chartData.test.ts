import type { IndicatorArea, Measurement } from '../../api/types';
import { formatNumber } from '../../lib/format';
import { areaChart, niceDomain, niceScale, niceStep } from './chartData';

const ermelo = 'a1a1a1a1-0000-4000-8000-000000000001';
const harderwijk = 'a1a1a1a1-0000-4000-8000-000000000002';

const area: IndicatorArea = {
  municipalityId: ermelo,
  areaName: 'Ermelo',
  baseline: { period: '2019', value: 930 },
  target: { period: '2024', comparator: '<=', value: 800 },
  measurementCount: 2,
  latest: { period: '2022', value: 900 },
  progress: { status: 'off_track', label: 'Niet op koers', summary: 'Niet op koers', explanation: '' },
};

const measurement = (municipalityId: string | null, period: string, value: number): Measurement => ({
  id: `${municipalityId}-${period}`,
  indicatorId: 'i',
  municipalityId,
  period,
  value,
  sourceNote: '',
  enteredBy: 'u',
  enteredAt: '2026-01-01T00:00:00Z',
});

describe('an area\'s chart', () => {
  const chart = areaChart(
    area,
    [measurement(ermelo, '2022', 900), measurement(harderwijk, '2020', 1700), measurement(ermelo, '2019', 930), measurement(null, '2019', 3187)],
    formatNumber,
    2026,
  );

  it('uses only the area\'s own measurements, oldest first', () => {
    expect(chart.rows.filter((r) => r.measured !== undefined).map((r) => [r.period, r.measured])).toEqual([
      ['2019', 930],
      ['2022', 900],
    ]);
  });

  it('draws the guide line from baseline to target and marks both', () => {
    const guide = chart.rows.filter((r) => r.guide !== undefined).map((r) => [r.period, r.guide]);
    expect(guide).toEqual([
      ['2019', 930],
      ['2024', 800],
    ]);
    expect(chart.rows.find((r) => r.baseline !== undefined)?.period).toBe('2019');
    expect(chart.rows.find((r) => r.target !== undefined)?.target).toBe(800);
  });

  it('spans the years from the baseline up to now, one tick a year, and its scale fits this area alone', () => {
    expect(chart.xDomain).toEqual([2019, 2027]);
    expect(chart.xTicks).toEqual([2019.5, 2020.5, 2021.5, 2022.5, 2023.5, 2024.5, 2025.5, 2026.5]);
    expect(chart.yDomain[0]).toBeLessThanOrEqual(800);
    expect(chart.yDomain[1]).toBeGreaterThanOrEqual(930);
    expect(chart.yDomain[1]).toBeLessThan(1700);
  });

  it('puts its value axis on round steps', () => {
    expect(chart.yTicks).toEqual([750, 800, 850, 900, 950]);
    expect(niceScale([7.5, 7.7]).ticks.every((t) => Math.abs(t * 100 - Math.round(t * 100)) < 1e-9)).toBe(true);
    expect(niceStep(170)).toBe(50);
    expect(niceStep(9)).toBe(2.5);
  });

  it('says in words what the picture shows', () => {
    expect(chart.summary).toBe(
      'Metingen: 930 in 2019, 900 in 2022. Uitgangswaarde 930 in 2019. Streefwaarde ten hoogste 800 in 2024. Oordeel: Niet op koers.',
    );
  });

  it('mixes half-years and years on one axis', () => {
    const mixed = areaChart({ ...area, target: null, baseline: null }, [measurement(ermelo, '2026-H1', 1), measurement(ermelo, '2025', 2)], formatNumber);
    expect(mixed.rows.map((r) => r.period)).toEqual(['2025', '2026-H1']);
    expect(mixed.rows.some((r) => r.guide !== undefined)).toBe(false);
  });

  it('starts a scale of positive figures at zero only when they are close to it', () => {
    expect(niceDomain([7.5, 7.7])[0]).toBeGreaterThan(7);
    expect(niceDomain([2, 40])[0]).toBe(0);
    expect(niceDomain([])).toEqual([0, 1]);
  });
});
