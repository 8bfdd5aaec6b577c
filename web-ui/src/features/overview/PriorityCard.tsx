import { Link } from 'react-router';
import type { Municipality, Priority } from '../../api/types';
import { StatusBadge } from '../../components/StatusBadge';
import { LatestReview } from '../priorities/LatestReview';
import { scopeText } from '../priorities/scope';

/** One priority on the overview: status, scope, why, and what the expert group said. */
export function PriorityCard({ priority: p, base, municipalities }: { priority: Priority; base: string; municipalities: Municipality[] | undefined }) {
  return (
    <li className="priority-card">
      <h4 className="utrecht-heading-4 priority-card__title">
        <Link className="utrecht-link" to={`${base}/prioriteiten/${p.id}`}>
          {p.title}
        </Link>
      </h4>
      <p className="priority-card__meta">
        <StatusBadge status={p.status.status} label={p.status.label} prefix="Status: " />
        <span className="scope-tag">{scopeText(p, municipalities)}</span>
      </p>
      <p className="utrecht-paragraph">{p.status.explanation}</p>
      {p.latestReview && <LatestReview review={p.latestReview} />}
    </li>
  );
}
