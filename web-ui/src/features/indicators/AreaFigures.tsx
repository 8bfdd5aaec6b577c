import { lazy, Suspense, useState } from 'react';
import type { Indicator, IndicatorArea, Measurement } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, formatNumber, formatPeriod, formatPeriodValue, formatTarget } from '../../lib/format';

// The chart library is the largest part of the app: it loads beside the figures, which show first.
const AreaChartView = lazy(async () => ({ default: (await import('./AreaChartView')).AreaChartView }));
import { MeasurementHistory } from './MeasurementHistory';
import { ScrollableTable } from '../../components/ScrollableTable';

/** One area of an indicator: verdict, chart, and the same figures as a table. */
export function AreaFigures({ indicator, area, measurements }: { indicator: Indicator; area: IndicatorArea; measurements: Measurement[] }) {
  const own = measurements.filter((m) => (m.municipalityId ?? null) === (area.municipalityId ?? null));
  const [open, setOpen] = useState<string | null>(null);
  const headingId = `gebied-${area.municipalityId ?? 'heel'}`;
  return (
    <section className="area" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {area.areaName}
      </h2>
      <p className="area__verdict">
        <StatusBadge status={area.progress.status} label={area.progress.label} prefix="Status: " />
        {area.progress.summary !== area.progress.label && <span className="verdict-summary">{area.progress.summary}</span>}
      </p>
      <p className="utrecht-paragraph">{area.progress.explanation}</p>
      {area.notice && (
        <p className="utrecht-paragraph notice">
          <strong>Let op.</strong> {area.notice}
        </p>
      )}
      <dl className="data-list data-list--inline">
        <div>
          <dt>Uitgangswaarde</dt>
          <dd>{formatPeriodValue(area.baseline)}</dd>
        </div>
        <div>
          <dt>Streefwaarde</dt>
          <dd>{area.target ? formatTarget(area.target) : 'Geen'}</dd>
        </div>
        <div>
          <dt>Laatste meting</dt>
          <dd>{formatPeriodValue(area.latest)}</dd>
        </div>
      </dl>
      <Suspense fallback={<p className="utrecht-paragraph chart-placeholder">Grafiek wordt geladen…</p>}>
        <AreaChartView area={area} measurements={measurements} unit={indicator.unit} />
      </Suspense>
      <ScrollableTable label={`Metingen ${area.areaName}`}>
        <caption className="utrecht-table__caption">
          Metingen {indicator.name} in {area.areaName}
          {indicator.unit ? ` (${indicator.unit})` : ''}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">Periode</th>
            <th scope="col" className="utrecht-table__header-cell">Waarde</th>
            <th scope="col" className="utrecht-table__header-cell">Bron</th>
            <th scope="col" className="utrecht-table__header-cell">Ingevoerd</th>
            <th scope="col" className="utrecht-table__header-cell">Geschiedenis</th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {own.length === 0 && (
            <tr className="utrecht-table__row">
              <td className="utrecht-table__cell" colSpan={5}>
                Nog geen metingen.
              </td>
            </tr>
          )}
          {own.map((m) => (
            <tr key={m.id} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">{formatPeriod(m.period)}</th>
              <td className="utrecht-table__cell numeric">{formatNumber(m.value)}</td>
              <td className="utrecht-table__cell">{m.sourceNote || '–'}</td>
              <td className="utrecht-table__cell">
                {m.enteredByName ?? 'onbekend'}, {formatDateTime(m.enteredAt)}
              </td>
              <td className="utrecht-table__cell">
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle link-button"
                  aria-expanded={open === m.id}
                  onClick={() => setOpen(open === m.id ? null : m.id)}
                >
                  {open === m.id ? 'Verberg' : 'Toon'} geschiedenis<span className="visually-hidden"> van {formatPeriod(m.period)}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollableTable>
      {open && <MeasurementHistory indicatorId={indicator.id} measurementId={open} />}
    </section>
  );
}
