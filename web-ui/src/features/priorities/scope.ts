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

const attentionOrder: Record<string, number> = {
  niet_op_koers: 0,
  aandacht_nodig: 1,
  verouderd: 2,
  geen_gegevens: 3,
  op_koers: 4,
};

/** What needs attention first; within a status, the plan's own order. */
export function byAttention(a: Priority, b: Priority, planOrder: Map<string, number>): number {
  const sa = attentionOrder[a.status.status] ?? 3;
  const sb = attentionOrder[b.status.status] ?? 3;
  if (sa !== sb) return sa - sb;
  return (planOrder.get(a.id) ?? 0) - (planOrder.get(b.id) ?? 0);
}
