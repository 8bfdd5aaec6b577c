import { Link, useNavigate, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';
import { StatusBadge } from '../../components/StatusBadge';
import { ConfirmDelete } from '../../components/ConfirmDelete';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { formatDate } from '../../lib/format';
import { actionStatusLabels, label } from '../../lib/labels';
import type { Priority } from '../../api/types';
import { useTenant } from '../tenants/TenantContext';
import { useMunicipalities } from '../tenants/api';
import { usePlan } from '../plans/api';
import { useIndicators } from '../indicators/api';
import { AreaProgressTable } from '../indicators/AreaProgressTable';
import { useActions, useDeletePriority, usePriority } from './api';
import { scopeText } from './scope';
import { LatestReview } from './LatestReview';
import { ScrollableTable } from '../../components/ScrollableTable';

export function PriorityPage() {
  const tenant = useTenant();
  const { priorityId = '' } = useParams();
  const priority = usePriority(tenant.slug, priorityId);
  return (
    <QueryView query={priority} what="de prioriteit">
      {(p) => <PriorityView priority={p} />}
    </QueryView>
  );
}

function PriorityView({ priority: p }: { priority: Priority }) {
  const tenant = useTenant();
  const plan = usePlan(tenant.slug, p.planId);
  const municipalities = useMunicipalities(tenant.slug);
  const indicators = useIndicators(tenant.slug, { priorityId: p.id });
  const remove = useDeletePriority(tenant.slug);
  const navigate = useNavigate();
  const mayEdit = tenant.can.editPriority(p.municipalityId);
  const texts: [string, string][] = [
    ['Opgave', p.opgave],
    ['Ambitie', p.ambitie],
    ['Aanpak', p.aanpak],
    ['Doelstelling', p.doelstelling],
    ['Flankerend beleid', p.flankerendBeleid],
  ];
  const missing = [...texts.filter(([, text]) => text.trim() === '').map(([term]) => term), ...(p.partners.length ? [] : ['Partners'])];
  return (
    <Page
      title={p.title}
      breadcrumbs={[
        { label: tenant.name, to: tenant.base },
        { label: 'Plannen', to: `${tenant.base}/plannen` },
        { label: plan.data?.title ?? 'Plan', to: `${tenant.base}/plannen/${p.planId}` },
        { label: p.title },
      ]}
      actions={
        mayEdit && (
          <>
            <Link className="utrecht-button-link utrecht-button-link--secondary-action" to={`${tenant.base}/prioriteiten/${p.id}/bewerken`}>
              Prioriteit bewerken
            </Link>
            <ConfirmDelete
              what="deze prioriteit"
              consequence="Dat kan alleen als er geen subprioriteiten onder hangen."
              onConfirm={async () => {
                await remove.mutateAsync(p.id);
                navigate(`${tenant.base}/plannen/${p.planId}`);
              }}
            />
          </>
        )
      }
    >
      <p className="priority-card__meta">
        <StatusBadge status={p.status.status} label={p.status.label} prefix="Status: " />
        <span className="scope-tag">{scopeText(p, municipalities.data)}</span>
      </p>
      <p className="utrecht-paragraph">{p.status.explanation}</p>

      <h2 className="utrecht-heading-2">Oordeel van de expertgroep</h2>
      <LatestReview review={p.latestReview} full />

      <h2 className="utrecht-heading-2">Beleid</h2>
      <dl className="data-list data-list--wide">
        {texts
          .filter(([, text]) => text.trim() !== '')
          .map(([term, text]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd className="preserve-lines">{text}</dd>
            </div>
          ))}
        {p.partners.length > 0 && (
          <div>
            <dt>Partners</dt>
            <dd>{p.partners.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>Eigenaar</dt>
          <dd>{p.ownerId ? (p.ownerName ?? 'Vastgelegd') : 'Nog niemand'}</dd>
        </div>
      </dl>
      {missing.length > 0 && (
        <p className="utrecht-paragraph muted">Nog niet ingevuld: {missing.join(', ').toLowerCase()}.</p>
      )}

      <div className="section-heading">
        <h2 className="utrecht-heading-2">Indicatoren</h2>
        {mayEdit && (
          <Link className="utrecht-button-link utrecht-button-link--secondary-action" to={`${tenant.base}/indicatoren/nieuw?prioriteit=${p.id}`}>
            Indicator toevoegen
          </Link>
        )}
      </div>
      {indicators.isPending ? (
        <Loading what="de indicatoren" />
      ) : indicators.isError ? (
        <ErrorMessage error={indicators.error} retry={() => void indicators.refetch()} />
      ) : indicators.data.length === 0 ? (
        <p className="utrecht-paragraph">Deze prioriteit heeft nog geen indicatoren.</p>
      ) : (
        indicators.data.map((i) => <AreaProgressTable key={i.id} indicator={i} base={tenant.base} />)
      )}

      <ActionsSection priority={p} mayEdit={mayEdit} />
    </Page>
  );
}

function ActionsSection({ priority, mayEdit }: { priority: Priority; mayEdit: boolean }) {
  const tenant = useTenant();
  const actions = useActions(tenant.slug, priority.id);
  return (
    <>
      <div className="section-heading">
        <h2 className="utrecht-heading-2">Actiepunten</h2>
        {mayEdit && (
          <Link className="utrecht-button-link utrecht-button-link--secondary-action" to={`${tenant.base}/prioriteiten/${priority.id}/actiepunten/nieuw`}>
            Actiepunt toevoegen
          </Link>
        )}
      </div>
      {actions.isPending ? (
        <Loading what="de actiepunten" />
      ) : actions.isError ? (
        <ErrorMessage error={actions.error} retry={() => void actions.refetch()} />
      ) : actions.data.length === 0 ? (
        <p className="utrecht-paragraph">Er zijn nog geen actiepunten.</p>
      ) : (
        <ScrollableTable label="Actiepunten">
          <caption className="utrecht-table__caption">Actiepunten, eerst te doen bovenaan</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">Actiepunt</th>
              <th scope="col" className="utrecht-table__header-cell">Eigenaar</th>
              <th scope="col" className="utrecht-table__header-cell">Klaar op</th>
              <th scope="col" className="utrecht-table__header-cell">Status</th>
              {mayEdit && (
                <th scope="col" className="utrecht-table__header-cell">
                  <span className="visually-hidden">Bewerken</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {actions.data.map((a) => (
              <tr key={a.id} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {a.title}
                  {a.description && <span className="cell-note">{a.description}</span>}
                </th>
                <td className="utrecht-table__cell">{a.ownerId ? (a.ownerName ?? 'Vastgelegd') : '–'}</td>
                <td className="utrecht-table__cell">{formatDate(a.dueOn)}</td>
                <td className="utrecht-table__cell">{label(actionStatusLabels, a.status)}</td>
                {mayEdit && (
                  <td className="utrecht-table__cell">
                    <Link className="utrecht-link" to={`${tenant.base}/prioriteiten/${priority.id}/actiepunten/${a.id}/bewerken`}>
                      Bewerken<span className="visually-hidden"> {a.title}</span>
                    </Link>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      )}
    </>
  );
}
