import { Link } from 'react-router';
import type { Indicator } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { formatPeriodValue, formatTarget } from '../../lib/format';
import { ScrollableTable } from '../../components/ScrollableTable';

/** Per area: baseline, latest figure, target and the verdict, as the API judges it. */
export function AreaProgressTable({ indicator, base, linkName = true }: { indicator: Indicator; base: string; linkName?: boolean }) {
  return (
    <ScrollableTable label={`Voortgang ${indicator.name}`}>
      <caption className="utrecht-table__caption">
        {linkName ? (
          <Link className="utrecht-link" to={`${base}/indicatoren/${indicator.id}`}>
            {indicator.name}
          </Link>
        ) : (
          indicator.name
        )}
        {indicator.unit ? ` (${indicator.unit})` : ''}: voortgang per gebied
      </caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          <th scope="col" className="utrecht-table__header-cell">Gebied</th>
          <th scope="col" className="utrecht-table__header-cell">Uitgangswaarde</th>
          <th scope="col" className="utrecht-table__header-cell">Laatste meting</th>
          <th scope="col" className="utrecht-table__header-cell">Streefwaarde</th>
          <th scope="col" className="utrecht-table__header-cell">Status</th>
        </tr>
      </thead>
      <tbody className="utrecht-table__body">
        {indicator.areas.map((a) => (
          <tr key={a.municipalityId ?? 'heel'} className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">{a.areaName}</th>
            <td className="utrecht-table__cell numeric">{formatPeriodValue(a.baseline)}</td>
            <td className="utrecht-table__cell numeric">{formatPeriodValue(a.latest)}</td>
            <td className="utrecht-table__cell numeric">{a.target ? formatTarget(a.target) : '–'}</td>
            <td className="utrecht-table__cell">
              <StatusBadge status={a.progress.status} label={a.progress.label} prefix="Status: " />
              {a.progress.summary !== a.progress.label && <span className="cell-note verdict-summary">{a.progress.summary}</span>}
              <span className="cell-note">{a.progress.explanation}</span>
              {a.notice && <span className="cell-note cell-note--warning">Let op. {a.notice}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollableTable>
  );
}
