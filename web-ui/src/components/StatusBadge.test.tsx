import { render, screen } from '@testing-library/react';
import { StatusBadge, statusTone } from './StatusBadge';

describe('StatusBadge', () => {
  it('says the verdict in words, with the prefix for screen readers', () => {
    render(<StatusBadge status="outdated" prefix="Status: " />);
    expect(screen.getByText('Geen actuele cijfers')).toBeInTheDocument();
    expect(screen.getByText('Status:')).toHaveClass('visually-hidden');
  });

  it('gives figures that are too old a tone of their own, not that of "op koers" or "geen gegevens"', () => {
    expect(statusTone('outdated')).toBe('stale');
    expect(statusTone('geen_actuele_cijfers')).toBe('stale');
    expect(statusTone('on_track')).toBe('good');
    expect(statusTone('no_data')).toBe('neutral');
  });
});
