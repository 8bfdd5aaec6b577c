// The indicator form's values, the request built from them, and the API's field errors mapped back
// to the form's fields. Areas are keyed by municipality ("heel" for the whole cooperation); the
// request lists only the areas that have a baseline or target, so its indexes differ from the form's.

import type { AreaTargetRequest, Indicator } from '../../api/types';
import { parseDutchNumber } from '../../lib/format';
import type { FieldErrors } from '../../components/form';

/** The select of a target's comparator offers only the values the API takes. */
type Comparator = NonNullable<AreaTargetRequest['target']>['comparator'];

export const WHOLE = 'heel';

export interface AreaValues {
  baselineYear: string;
  baselineHalf: string;
  baselineValue: string;
  targetYear: string;
  targetHalf: string;
  targetComparator: string;
  targetValue: string;
}

export const emptyArea = (): AreaValues => ({
  baselineYear: '',
  baselineHalf: '',
  baselineValue: '',
  targetYear: '',
  targetHalf: '',
  targetComparator: '<=',
  targetValue: '',
});

const splitPeriod = (period: string | undefined) => {
  const m = /^(\d{4})(?:-(H[12]))?$/.exec(period ?? '');
  return { year: m?.[1] ?? '', half: m?.[2] ?? '' };
};

const numberText = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

export function areaValuesOf(indicator: Indicator | undefined): Record<string, AreaValues> {
  const out: Record<string, AreaValues> = {};
  for (const a of indicator?.areas ?? []) {
    const b = splitPeriod(a.baseline?.period);
    const t = splitPeriod(a.target?.period);
    out[a.municipalityId ?? WHOLE] = {
      baselineYear: b.year,
      baselineHalf: b.half,
      baselineValue: numberText(a.baseline?.value),
      targetYear: t.year,
      targetHalf: t.half,
      targetComparator: a.target?.comparator ?? '<=',
      targetValue: numberText(a.target?.value),
    };
  }
  return out;
}

const period = (year: string, half: string) => (half ? `${year.trim()}-${half}` : year.trim());

export function areaField(key: string, field: keyof AreaValues) {
  return `area.${key}.${field}`;
}

/**
 * The `areas` of the request, and for each its form key. Errors the user can fix before sending
 * (a missing year, a value that is not a number) come back as field errors instead.
 */
export function buildAreas(areas: Record<string, AreaValues>): {
  request: AreaTargetRequest[];
  keys: string[];
  errors: FieldErrors;
} {
  const request: AreaTargetRequest[] = [];
  const keys: string[] = [];
  const errors: FieldErrors = {};
  for (const [key, a] of Object.entries(areas)) {
    const hasBaseline = a.baselineValue.trim() !== '' || a.baselineYear.trim() !== '';
    const hasTarget = a.targetValue.trim() !== '' || a.targetYear.trim() !== '';
    if (!hasBaseline && !hasTarget) continue;
    const item: AreaTargetRequest = { municipalityId: key === WHOLE ? null : key };
    if (hasBaseline) {
      const value = parseDutchNumber(a.baselineValue);
      if (!/^\d{4}$/.test(a.baselineYear.trim())) errors[areaField(key, 'baselineYear')] = 'Vul het jaar van de uitgangswaarde in.';
      if (value === null) errors[areaField(key, 'baselineValue')] = 'Vul de uitgangswaarde in als getal, zoals 930 of 7,7.';
      item.baseline = { period: period(a.baselineYear, a.baselineHalf), value: value ?? 0 };
    }
    if (hasTarget) {
      const value = parseDutchNumber(a.targetValue);
      if (!/^\d{4}$/.test(a.targetYear.trim())) errors[areaField(key, 'targetYear')] = 'Vul het jaar van de streefwaarde in.';
      if (value === null) errors[areaField(key, 'targetValue')] = 'Vul de streefwaarde in als getal, zoals 800 of 7,7.';
      item.target = { period: period(a.targetYear, a.targetHalf), comparator: a.targetComparator as Comparator, value: value ?? 0 };
    }
    request.push(item);
    keys.push(key);
  }
  return { request, keys, errors };
}

const apiToForm: Record<string, keyof AreaValues> = {
  baseline: 'baselineValue',
  'baseline.value': 'baselineValue',
  'baseline.period': 'baselineYear',
  target: 'targetValue',
  'target.value': 'targetValue',
  'target.period': 'targetYear',
  'target.comparator': 'targetComparator',
  municipalityId: 'baselineValue',
};

/** `areas[1].target.period` → `area.<key of the second sent area>.targetYear`; other names stay. */
export function mapAreaErrors(errors: FieldErrors, keys: string[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [name, reason] of Object.entries(errors)) {
    const m = /^areas\[(\d+)\](?:\.(.+))?$/.exec(name);
    const key = m ? keys[Number(m[1])] : undefined;
    if (m && key !== undefined) {
      const field = apiToForm[m[2] ?? 'baseline'] ?? 'baselineValue';
      out[areaField(key, field)] ??= reason;
    } else {
      out[name] ??= reason;
    }
  }
  return out;
}
