import { formatDate, formatNumber, formatPeriod, formatTarget, parseDutchNumber, periodPosition } from './format';

describe('Dutch numbers', () => {
  it('groups thousands with a dot and writes decimals with a comma', () => {
    expect(formatNumber(1696)).toBe('1.696');
    expect(formatNumber(930)).toBe('930');
    expect(formatNumber(7.7)).toBe('7,7');
    expect(formatNumber(12345.678)).toBe('12.345,68');
    expect(formatNumber(-3.5)).toBe('-3,5');
    expect(formatNumber(null)).toBe('–');
  });

  it('reads what a Dutch user types', () => {
    expect(parseDutchNumber('7,7')).toBe(7.7);
    expect(parseDutchNumber('1.696')).toBe(1696);
    expect(parseDutchNumber('1.696,5')).toBe(1696.5);
    expect(parseDutchNumber(' 812 ')).toBe(812);
    expect(parseDutchNumber('7.7')).toBe(7.7);
    expect(parseDutchNumber('0.125')).toBe(0.125);
    expect(parseDutchNumber('-3,5')).toBe(-3.5);
    expect(parseDutchNumber('')).toBeNull();
    expect(parseDutchNumber('zeven')).toBeNull();
    expect(parseDutchNumber('7,7,7')).toBeNull();
  });
});

describe('dates and periods', () => {
  it('writes dates in words without shifting the day', () => {
    expect(formatDate('2026-01-22')).toBe('22 januari 2026');
    expect(formatDate('2026-12-31')).toBe('31 december 2026');
  });

  it('writes half-years in words and places them on one time axis with years', () => {
    expect(formatPeriod('2026-H1')).toBe('eerste helft 2026');
    expect(formatPeriod('2026-H2')).toBe('tweede helft 2026');
    expect(formatPeriod('2024')).toBe('2024');
    expect(periodPosition('2026-H1')).toBeLessThan(periodPosition('2026'));
    expect(periodPosition('2026')).toBeLessThan(periodPosition('2026-H2'));
    expect(periodPosition('2025-H2')).toBeLessThan(periodPosition('2026-H1'));
  });

  it('writes a target as a reader does', () => {
    expect(formatTarget({ comparator: '<=', value: 800, period: '2024' })).toBe('≤ 800 (2024)');
    expect(formatTarget({ comparator: '>=', value: 7.7, period: '2024-H2' })).toBe('≥ 7,7 (tweede helft 2024)');
  });
});
