import { formatDateTime, formatNumber } from '../../lib/format';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { useTenant } from '../tenants/TenantContext';
import { useMeasurementDetail } from './api';

/** Every earlier value of one figure: who entered it, when, and what replaced it. */
export function MeasurementHistory({ indicatorId, measurementId }: { indicatorId: string; measurementId: string }) {
  const tenant = useTenant();
  const detail = useMeasurementDetail(tenant.slug, indicatorId, measurementId);
  if (detail.isPending) return <Loading what="de geschiedenis" />;
  if (detail.isError) return <ErrorMessage error={detail.error} retry={() => void detail.refetch()} />;
  const d = detail.data;
  return (
    <div className="history">
      <p className="utrecht-paragraph">
        Nu: <strong>{formatNumber(d.value)}</strong>, ingevoerd door {d.enteredByName ?? 'onbekend'} op {formatDateTime(d.enteredAt)}
        {d.sourceNote ? ` (${d.sourceNote})` : ''}.
      </p>
      {d.history.length === 0 ? (
        <p className="utrecht-paragraph">Deze waarde is niet eerder gewijzigd.</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {d.history.map((h) => (
            <li key={h.replacedAt}>
              Eerder {formatNumber(h.value)}, ingevoerd door {h.enteredByName ?? 'onbekend'} op {formatDateTime(h.enteredAt)}
              {h.sourceNote ? ` (${h.sourceNote})` : ''}; {h.change === 'deleted' ? 'verwijderd' : 'vervangen'} door{' '}
              {h.replacedByName ?? 'onbekend'} op {formatDateTime(h.replacedAt)}.
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
