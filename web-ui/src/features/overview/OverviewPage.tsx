import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Page } from '../../components/Page';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { StatusBadge } from '../../components/StatusBadge';
import { SelectField } from '../../components/form';
import { api } from '../../lib/api-client';
import { unwrap } from '../../lib/problem';
import { formatDate } from '../../lib/format';
import { label, planKindLabels, planStatusLabels } from '../../lib/labels';
import type { Plan, Priority } from '../../api/types';
import { useTenant } from '../tenants/TenantContext';
import { tenantKey, useMunicipalities } from '../tenants/api';
import { usePlans } from '../plans/api';
import { usePriorities } from '../priorities/api';
import { byAttention, scopeText } from '../priorities/scope';
import { LatestReview } from '../priorities/LatestReview';

const statusOptions = [
  { value: 'niet_op_koers', label: 'Niet op koers' },
  { value: 'aandacht_nodig', label: 'Aandacht nodig' },
  { value: 'geen_gegevens', label: 'Geen gegevens' },
  { value: 'op_koers', label: 'Op koers' },
];

/** Plans that run now; when none does, the newest, so a cooperation never sees an empty page. */
export function currentPlans(plans: Plan[], year = new Date().getFullYear()): Plan[] {
  const running = plans.filter((p) => p.status !== 'afgelopen' && p.status !== 'concept' && p.startYear <= year);
  if (running.length > 0) return running;
  const notOver = plans.filter((p) => p.status !== 'afgelopen');
  if (notOver.length > 0) return notOver;
  return plans.slice(0, 1);
}

/** The cooperation's overview: where emails land, read by a bestuurder in a minute. */
export function OverviewPage() {
  const tenant = useTenant();
  const plans = usePlans(tenant.slug);
  const municipalities = useMunicipalities(tenant.slug);
  const shownPlans = useMemo(() => (plans.data ? currentPlans(plans.data) : []), [plans.data]);
  const priorities = usePriorities(tenant.slug, {}, plans.isSuccess);
  const [municipality, setMunicipality] = useState('');
  const [status, setStatus] = useState('');

  const planIds = new Set(shownPlans.map((p) => p.id));
  const all = (priorities.data ?? []).filter((p) => planIds.has(p.planId));
  const order = new Map(all.map((p, i) => [p.id, i]));
  const filtered = all
    .filter((p) => !municipality || p.scope === 'cooperation' || p.municipalityId === municipality)
    .filter((p) => !status || p.status.status === status)
    .sort((a, b) => byAttention(a, b, order));
  const counts = countByStatus(all);

  return (
    <Page title={`Overzicht ${tenant.name}`}>
      {plans.isPending ? (
        <Loading what="de plannen" />
      ) : plans.isError ? (
        <ErrorMessage error={plans.error} retry={() => void plans.refetch()} />
      ) : shownPlans.length === 0 ? (
        <p className="utrecht-paragraph">
          Er is nog geen plan ingevoerd.{' '}
          {tenant.can.editPlans && (
            <Link className="utrecht-link" to={`${tenant.base}/plannen/nieuw`}>
              Voer het eerste plan in
            </Link>
          )}
        </p>
      ) : (
        <section aria-labelledby="plannen-kop">
          <h2 className="utrecht-heading-2" id="plannen-kop">
            {shownPlans.length === 1 ? 'Huidig plan' : 'Huidige plannen'}
          </h2>
          <ul className="plain-list">
            {shownPlans.map((p) => (
              <li key={p.id}>
                <Link className="utrecht-link" to={`${tenant.base}/plannen/${p.id}`}>
                  {p.title}
                </Link>{' '}
                – {label(planKindLabels, p.kind)}, {p.startYear}–{p.endYear},{' '}
                {label(planStatusLabels, p.status).toLowerCase()}
                {p.adoptedOn ? ` op ${formatDate(p.adoptedOn)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      <FollowUpCounts />

      <section aria-labelledby="prioriteiten-kop">
        <h2 className="utrecht-heading-2" id="prioriteiten-kop">
          Prioriteiten
        </h2>
        {priorities.isPending && plans.isSuccess ? (
          <Loading what="de prioriteiten" />
        ) : priorities.isError ? (
          <ErrorMessage error={priorities.error} retry={() => void priorities.refetch()} />
        ) : priorities.isSuccess ? (
          <>
            <p className="utrecht-paragraph status-summary">
              {all.length} prioriteiten: {counts.niet_op_koers} niet op koers, {counts.aandacht_nodig} aandacht nodig,{' '}
              {counts.op_koers} op koers, {counts.geen_gegevens} zonder gegevens. Wat aandacht vraagt, staat bovenaan.
            </p>
            <div className="filters" role="search" aria-label="Prioriteiten filteren">
              <SelectField
                name="gemeente"
                label="Gemeente"
                hint="Bovenlokale prioriteiten staan er altijd bij."
                value={municipality}
                onChange={setMunicipality}
                placeholder="Alle gemeenten"
                plain
                options={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
              />
              <SelectField
                name="status"
                label="Status"
                value={status}
                onChange={setStatus}
                placeholder="Alle statussen"
                plain
                options={statusOptions}
              />
            </div>
            <p className="utrecht-paragraph" role="status">
              {filtered.length === all.length
                ? `Alle ${all.length} prioriteiten worden getoond.`
                : `${filtered.length} van de ${all.length} prioriteiten worden getoond.`}
            </p>
            <ul className="priority-cards">
              {filtered.map((p) => (
                <li key={p.id} className="priority-card">
                  <h3 className="utrecht-heading-3 priority-card__title">
                    <Link className="utrecht-link" to={`${tenant.base}/prioriteiten/${p.id}`}>
                      {p.title}
                    </Link>
                  </h3>
                  <p className="priority-card__meta">
                    <StatusBadge status={p.status.status} label={p.status.label} prefix="Status: " />
                    <span className="scope-tag">{scopeText(p, municipalities.data)}</span>
                  </p>
                  <p className="utrecht-paragraph">{p.status.explanation}</p>
                  <LatestReview review={p.latestReview} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </Page>
  );
}

function countByStatus(priorities: Priority[]) {
  const counts: Record<string, number> = { niet_op_koers: 0, aandacht_nodig: 0, op_koers: 0, geen_gegevens: 0 };
  for (const p of priorities) counts[p.status.status] = (counts[p.status.status] ?? 0) + 1;
  return counts as Record<'niet_op_koers' | 'aandacht_nodig' | 'op_koers' | 'geen_gegevens', number>;
}

/** Overdue commitments and review deadlines, linking to where they are followed up. */
function FollowUpCounts() {
  const tenant = useTenant();
  const overdue = useQuery({
    queryKey: tenantKey(tenant.slug, 'commitments', { overdue: true }),
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{tenant}/commitments', {
          params: { path: { tenant: tenant.slug }, query: { overdue: true, pageSize: 1 } },
        }),
      ),
  });
  const groups = useQuery({
    queryKey: tenantKey(tenant.slug, 'expert-groups'),
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{tenant}/expert-groups', {
          params: { path: { tenant: tenant.slug }, query: { pageSize: 100 } },
        }),
      ),
  });
  const lateGroups = groups.data?.items.filter((g) => g.compliance.overdue).length ?? 0;
  const next = groups.data?.items
    .map((g) => g.compliance)
    .filter((c) => !c.overdue)
    .sort((a, b) => a.nextDueOn.localeCompare(b.nextDueOn))[0];
  return (
    <section aria-labelledby="opvolging-kop">
      <h2 className="utrecht-heading-2" id="opvolging-kop">
        Opvolging
      </h2>
      <ul className="count-list">
        <li>
          <Link className="utrecht-link" to={`${tenant.base}/toezeggingen`}>
            {overdue.isSuccess
              ? `${overdue.data.total} ${overdue.data.total === 1 ? 'toezegging' : 'toezeggingen'} over de termijn`
              : overdue.isError
                ? 'Toezeggingen (aantal niet te laden)'
                : 'Toezeggingen over de termijn: bezig met laden…'}
          </Link>
        </li>
        <li>
          <Link className="utrecht-link" to={`${tenant.base}/expertgroepen`}>
            {groups.isSuccess
              ? `${lateGroups} ${lateGroups === 1 ? 'expertgroep is' : 'expertgroepen zijn'} te laat met een evaluatie${
                  next ? `; volgende evaluatie uiterlijk ${formatDate(next.nextDueOn)}` : ''
                }`
              : groups.isError
                ? 'Evaluaties van expertgroepen (niet te laden)'
                : 'Evaluaties van expertgroepen: bezig met laden…'}
          </Link>
        </li>
      </ul>
    </section>
  );
}
