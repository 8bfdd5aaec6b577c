// Dutch formats: 1.696 and 7,7; 22 januari 2026; "eerste helft 2026"; times in Europe/Amsterdam.

const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** 1696 → "1.696", 7.7 → "7,7". Dutch groups thousands from four digits on. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return numberFormat.format(value);
}

/**
 * Reads a number as a Dutch user types it: "7,7", "1.696", "1696", "-3,5". A dot followed by exactly
 * three digits is a thousands separator; otherwise a lone dot is a decimal point ("7.7").
 */
export function parseDutchNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (t === '') return null;
  let normalised: string;
  if (t.includes(',')) {
    normalised = t.replace(/\./g, '').replace(',', '.');
  } else if (/^-?[1-9]\d{0,2}(\.\d{3})+$/.test(t)) {
    normalised = t.replace(/\./g, '');
  } else {
    normalised = t;
  }
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

/** "2026-01-22" → "22 januari 2026" (a calendar date: no time zone shift). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '–';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return dateFormat.format(new Date(Date.UTC(y, m - 1, d, 12)));
}

/** An instant as Dutch wall-clock time: "22 januari 2026 om 14:05". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat.format(date);
}

/** "2026" → "2026", "2026-H1" → "eerste helft 2026", "2026-H2" → "tweede helft 2026". */
export function formatPeriod(period: string): string {
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half) return `${half[2] === '1' ? 'eerste' : 'tweede'} helft ${half[1]}`;
  return period;
}

/** A period as a position on a time axis: 2026 → 2026.5, 2026-H1 → 2026.25, 2026-H2 → 2026.75. */
export function periodPosition(period: string): number {
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half) return Number(half[1]) + (half[2] === '1' ? 0.25 : 0.75);
  return Number(period) + 0.5;
}

const comparatorSigns: Record<string, string> = { '<=': '≤', '>=': '≥', '=': '=' };

/** A target as a reader writes it: "≤ 800 (2024)". */
export function formatTarget(target: { comparator: string; value: number; period: string }): string {
  return `${comparatorSigns[target.comparator] ?? target.comparator} ${formatNumber(target.value)} (${formatPeriod(target.period)})`;
}

/** A figure with its period: "930 (2019)". */
export function formatPeriodValue(pv: { value: number; period: string } | null | undefined): string {
  if (!pv) return '–';
  return `${formatNumber(pv.value)} (${formatPeriod(pv.period)})`;
}
