import type { Priority } from '../../api/types';
import { attentionOf } from './scope';

function priority(status: Priority['status']['status'], judged?: 'op_koers' | 'aandacht_nodig' | 'niet_op_koers'): Priority {
  return {
    status: { status, label: '', explanation: '', basis: 'indicators' },
    latestReview: judged ? { status: judged } : null,
  } as unknown as Priority;
}

describe('attentionOf', () => {
  it('puts priorities without current figures in a group of their own', () => {
    expect(attentionOf(priority('geen_actuele_cijfers'))).toBe('outdated');
    expect(attentionOf(priority('op_koers'))).toBe('on_track');
    expect(attentionOf(priority('geen_gegevens'))).toBe('no_data');
  });

  it('lets an expert group that finds a priority worrying raise it to attention', () => {
    expect(attentionOf(priority('geen_actuele_cijfers', 'aandacht_nodig'))).toBe('attention');
    expect(attentionOf(priority('niet_op_koers'))).toBe('attention');
  });
});
