// A verdict as text with an icon; colour only adds to it (WCAG 1.4.1).

type Tone = 'good' | 'warning' | 'bad' | 'neutral' | 'stale';

const tones: Record<string, Tone> = {
  op_koers: 'good',
  on_track: 'good',
  aandacht_nodig: 'warning',
  niet_op_koers: 'bad',
  off_track: 'bad',
  geen_gegevens: 'neutral',
  no_data: 'neutral',
  geen_actuele_cijfers: 'stale',
  outdated: 'stale',
};

const fallbackLabels: Record<string, string> = {
  op_koers: 'Op koers',
  on_track: 'Op koers',
  aandacht_nodig: 'Aandacht nodig',
  niet_op_koers: 'Niet op koers',
  off_track: 'Niet op koers',
  geen_gegevens: 'Geen gegevens',
  no_data: 'Geen gegevens',
  geen_actuele_cijfers: 'Geen actuele cijfers',
  outdated: 'Geen actuele cijfers',
};

export function statusTone(status: string): Tone {
  return tones[status] ?? 'neutral';
}

function Icon({ tone }: { tone: Tone }) {
  const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false } as const;
  switch (tone) {
    case 'good':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7.5" fill="currentColor" />
          <path d="m4.5 8.2 2.3 2.3 4.7-4.8" fill="none" stroke="#fff" strokeWidth="1.8" />
        </svg>
      );
    case 'warning':
      return (
        <svg {...common}>
          <path d="M8 .8 15.4 14.6H.6z" fill="currentColor" />
          <path d="M8 5.5v4.3M8 11.3v1.6" stroke="#fff" strokeWidth="1.8" />
        </svg>
      );
    case 'bad':
      return (
        <svg {...common}>
          <rect x=".5" y=".5" width="15" height="15" rx="2" fill="currentColor" />
          <path d="m4.8 4.8 6.4 6.4m0-6.4-6.4 6.4" stroke="#fff" strokeWidth="1.8" />
        </svg>
      );
    case 'stale':
      // A clock: the figures are too old.
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6.7" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M8 4.2V8l2.6 1.8" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6.7" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M4.8 8h6.4" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      );
  }
}

/** `prefix` is read out before the word ("Status: ", "Oordeel: ") and not shown. */
export function StatusBadge({ status, label, prefix }: { status: string; label?: string; prefix?: string }) {
  const tone = statusTone(status);
  return (
    <span className={`status-badge status-badge--${tone}`}>
      {prefix && <span className="visually-hidden">{prefix}</span>}
      <Icon tone={tone} />
      <span>{label ?? fallbackLabels[status] ?? status}</span>
    </span>
  );
}
