import type { ReactNode } from 'react';

/**
 * A data table that scrolls sideways inside its own region on a narrow screen (WCAG 1.4.10 allows
 * that for tables). The region can be reached with the keyboard, so it can be scrolled without a
 * mouse; `label` names it for screen readers. Children: the caption, thead and tbody.
 */
export function ScrollableTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={`${label} (tabel)`}>
      <table className="utrecht-table">{children}</table>
    </div>
  );
}
