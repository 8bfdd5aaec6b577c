import type { PriorityReview } from '../../api/types';
import { formatPeriod } from '../../lib/format';
import { label, reviewStatusLabels } from '../../lib/labels';
import { StatusBadge } from '../../components/StatusBadge';

/** The latest judgement of an expert group on a priority, in one short block. */
export function LatestReview({ review, full = false }: { review: PriorityReview | null | undefined; full?: boolean }) {
  if (!review) return <p className="utrecht-paragraph muted">Nog geen oordeel van een expertgroep.</p>;
  const progress = full || review.progress.length <= 220 ? review.progress : `${review.progress.slice(0, 217)}…`;
  return (
    <div className="latest-review">
      <p className="utrecht-paragraph">
        <strong>{review.groupName}</strong>, {formatPeriod(review.period)} ({label(reviewStatusLabels, review.reviewStatus)}
        ){review.status ? ': ' : ''}
        {review.status && <StatusBadge status={review.status} prefix="Oordeel: " />}
      </p>
      {progress && <p className="utrecht-paragraph">{progress}</p>}
    </div>
  );
}
