import { Link, useNavigate, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';
import { StatusBadge } from '../../components/StatusBadge';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { formatDate } from '../../lib/format';
import { label, planKindLabels, planStatusLabels } from '../../lib/labels';
import type { Priority } from '../../api/types';
import { useTenant } from '../tenants/TenantContext';
import { useMunicipalities } from '../tenants/api';
import { usePriorities } from '../priorities/api';
import { inPlanOrder, scopeText } from '../priorities/scope';
import { useDeletePlan, usePlan } from './api';

export function PlanPage() {
  const tenant = useTenant();
  const { planId = '' } = useParams();
  const plan = usePlan(tenant.slug, planId);
  const priorities = usePriorities(tenant.slug, { planId });
  const municipalities = useMunicipalities(tenant.slug);
  const remove = useDeletePlan(tenant.slug);
  const navigate = useNavigate();

  return (
    <QueryView query={plan} what="het plan">
      {(p) => (
        <Page
          title={p.title}
          breadcrumbs={[
            { label: tenant.name, to: tenant.base },
            { label: 'Plannen', to: `${tenant.base}/plannen` },
            { label: p.title },
          ]}
          actions={
            tenant.can.editPlans && (
              <>
                <Link className="utrecht-button-link utrecht-button-link--secondary-action" to={`${tenant.base}/plannen/${p.id}/bewerken`}>
                  Plan bewerken
                </Link>
                {p.status === 'concept' && (
                  <ConfirmDelete
                    what="dit plan"
                    consequence="Dat kan alleen zolang het een concept is zonder prioriteiten."
                    onConfirm={async () => {
                      await remove.mutateAsync(p.id);
                      navigate(`${tenant.base}/plannen`);
                    }}
                  />
                )}
              </>
            )
          }
        >
          <dl className="data-list">
            <div>
              <dt>Soort</dt>
              <dd>{label(planKindLabels, p.kind)}</dd>
            </div>
            <div>
              <dt>Looptijd</dt>
              <dd>
                {p.startYear} tot en met {p.endYear}
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                {label(planStatusLabels, p.status)}
                {p.adoptedOn ? ` op ${formatDate(p.adoptedOn)}` : ''}
              </dd>
            </div>
          </dl>
          <div className="section-heading">
            <h2 className="utrecht-heading-2">Prioriteiten</h2>
            {(tenant.can.editPlans || tenant.can.scopedTo) && (
              <Link
                className="utrecht-button-link utrecht-button-link--secondary-action"
                to={`${tenant.base}/prioriteiten/nieuw?plan=${p.id}`}
              >
                Prioriteit toevoegen
              </Link>
            )}
          </div>
          {priorities.isPending ? (
            <Loading what="de prioriteiten" />
          ) : priorities.isError ? (
            <ErrorMessage error={priorities.error} retry={() => void priorities.refetch()} />
          ) : priorities.data.length === 0 ? (
            <p className="utrecht-paragraph">Dit plan heeft nog geen prioriteiten.</p>
          ) : (
            <PriorityTree
              items={inPlanOrder(priorities.data)}
              base={tenant.base}
              scope={(x) => scopeText(x, municipalities.data)}
            />
          )}
        </Page>
      )}
    </QueryView>
  );
}

/** Priorities in the plan's order, sub-priorities under their parent. */
function PriorityTree({
  items,
  base,
  scope,
  parentId = null,
}: {
  items: Priority[];
  base: string;
  scope: (p: Priority) => string;
  parentId?: string | null;
}) {
  const level = items.filter((p) => (p.parentId ?? null) === parentId);
  if (level.length === 0) return null;
  return (
    <ol className={parentId ? 'priority-tree priority-tree--sub' : 'priority-tree'}>
      {level.map((p) => (
        <li key={p.id}>
          <div className="priority-tree__item">
            <Link className="utrecht-link" to={`${base}/prioriteiten/${p.id}`}>
              {p.title}
            </Link>
            <StatusBadge status={p.status.status} label={p.status.label} prefix="Status: " />
            <span className="scope-tag">{scope(p)}</span>
          </div>
          <PriorityTree items={items} base={base} scope={scope} parentId={p.id} />
        </li>
      ))}
    </ol>
  );
}
