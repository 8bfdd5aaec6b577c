import type { Municipality, Priority } from '../../api/types';

/** "Bovenlokaal", "Gemeente Ermelo", "Wijk Stadsdennen (Harderwijk)". */
export function scopeText(priority: Priority, municipalities: Municipality[] | undefined): string {
  if (priority.scope === 'cooperation' || !priority.municipalityId) return 'Bovenlokaal';
  const m = municipalities?.find((x) => x.id === priority.municipalityId);
  if (priority.scope === 'district' && priority.districtId) {
    const d = m?.districts.find((x) => x.id === priority.districtId);
    return `Wijk ${d?.name ?? '(onbekend)'}${m ? ` (${m.name})` : ''}`;
  }
  return `Gemeente ${m?.name ?? '(onbekend)'}`;
}

/** The plan's own order: the order the priorities were entered (the API keeps entry time exact). */
export function inPlanOrder<T extends { createdAt: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export type Attention = 'attention' | 'outdated' | 'on_track' | 'no_data';

/**
 * Where a priority belongs on the overview: its own status, raised by an expert group's judgement
 * (a priority without figures that an expert group finds worrying still needs attention).
 */
export function attentionOf(p: Priority): Attention {
  const judged = p.latestReview?.status;
  if (p.status.status === 'niet_op_koers' || p.status.status === 'aandacht_nodig') return 'attention';
  if (judged === 'niet_op_koers' || judged === 'aandacht_nodig') return 'attention';
  if (p.status.status === 'geen_actuele_cijfers') return 'outdated';
  if (p.status.status === 'op_koers') return 'on_track';
  return 'no_data';
}
