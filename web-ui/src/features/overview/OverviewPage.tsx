import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Page } from '../../components/Page';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { SelectField } from '../../components/form';
import { api } from '../../lib/api-client';
import { unwrap } from '../../lib/problem';
import { formatDate } from '../../lib/format';
import { label, planKindLabels, planStatusLabels } from '../../lib/labels';
import type { Plan, Priority } from '../../api/types';
import { PriorityCard } from './PriorityCard';
import { useTenant } from '../tenants/TenantContext';
import { tenantKey, useMunicipalities } from '../tenants/api';
import { usePlans } from '../plans/api';
import { usePriorities } from '../priorities/api';
import { attentionOf, inPlanOrder, type Attention } from '../priorities/scope';

const statusOptions = [
  { value: 'niet_op_koers', label: 'Niet op koers' },
  { value: 'aandacht_nodig', label: 'Aandacht nodig' },
  { value: 'geen_actuele_cijfers', label: 'Geen actuele cijfers' },
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
  // Fetched beside the plans, not after them: the overview shows within one round trip more.
  const priorities = usePriorities(tenant.slug);
  const [municipality, setMunicipality] = useState('');
  const [status, setStatus] = useState('');

  const planIds = new Set(shownPlans.map((p) => p.id));
  const all = inPlanOrder((priorities.data ?? []).filter((p) => planIds.has(p.planId)));
  const filtered = all
    .filter((p) => !municipality || p.scope === 'cooperation' || p.municipalityId === municipality)
    .filter((p) => !status || p.status.status === status);
  const counts = countByStatus(all);
  const groups: { key: Attention; title: string; empty: string }[] = [
    { key: 'attention', title: 'Vraagt aandacht', empty: 'Geen prioriteit vraagt nu aandacht.' },
    { key: 'outdated', title: 'Geen actuele cijfers', empty: 'Geen prioriteit is zonder actuele cijfers.' },
    { key: 'on_track', title: 'Op koers', empty: 'Geen prioriteit is nu op koers.' },
    { key: 'no_data', title: 'Nog zonder cijfers', empty: '' },
  ];
  const year = new Date().getFullYear();
  const plansOver = shownPlans.every((p) => p.endYear < year);

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
            {plansOver ? 'Laatste plan' : shownPlans.length === 1 ? 'Huidig plan' : 'Huidige plannen'}
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
                {p.endYear < year ? `. Dit plan liep tot en met ${p.endYear}.` : ''}
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
        {priorities.isPending ? (
          <Loading what="de prioriteiten" />
        ) : priorities.isError ? (
          <ErrorMessage error={priorities.error} retry={() => void priorities.refetch()} />
        ) : priorities.isSuccess ? (
          <>
            <p className="utrecht-paragraph status-summary">
              {all.length} prioriteiten: {counts.niet_op_koers} niet op koers, {counts.aandacht_nodig} aandacht nodig,{' '}
              {counts.geen_actuele_cijfers} zonder actuele cijfers, {counts.op_koers} op koers, {counts.geen_gegevens} nog zonder
              cijfers. Wat aandacht vraagt, staat bovenaan.
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
                hint="Het oordeel uit de cijfers."
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
            {groups.map((g) => {
              const items = filtered.filter((p) => attentionOf(p) === g.key);
              if (items.length === 0 && g.key === 'no_data') return null;
              return (
                <section key={g.key} aria-labelledby={`groep-${g.key}`} className={`priority-group priority-group--${g.key}`}>
                  <h3 className="utrecht-heading-3" id={`groep-${g.key}`}>
                    {g.title} ({items.length})
                  </h3>
                  {g.key === 'no_data' && items.length > 0 && (
                    <p className="utrecht-paragraph muted">
                      Bij deze prioriteiten zijn nog geen cijfers om het oordeel op te baseren.
                    </p>
                  )}
                  {g.key === 'outdated' && items.length > 0 && (
                    <p className="utrecht-paragraph muted">
                      Bij deze prioriteiten ontbreekt het cijfer over de streefperiode, of is het laatste cijfer te oud. Of
                      ze op koers zijn, is pas te zeggen met nieuwere cijfers.
                    </p>
                  )}
                  {items.length === 0 ? (
                    <p className="utrecht-paragraph">{g.empty}</p>
                  ) : (
                    <ul className="priority-cards">
                      {items.map((p) => (
                        <PriorityCard key={p.id} priority={p} base={tenant.base} municipalities={municipalities.data} />
                      ))}
                    </ul>
                  )}
                </section>
              );
            })}
          </>
        ) : null}
      </section>
    </Page>
  );
}

function countByStatus(priorities: Priority[]) {
  const counts: Record<Priority['status']['status'], number> = {
    niet_op_koers: 0,
    aandacht_nodig: 0,
    geen_actuele_cijfers: 0,
    op_koers: 0,
    geen_gegevens: 0,
  };
  for (const p of priorities) counts[p.status.status] += 1;
  return counts;
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
              ? overdue.data.total === 0
                ? 'Geen toezegging is over de termijn'
                : `${overdue.data.total} ${overdue.data.total === 1 ? 'toezegging is' : 'toezeggingen zijn'} over de termijn`
              : overdue.isError
                ? 'Toezeggingen (aantal niet te laden)'
                : 'Toezeggingen over de termijn: bezig met laden…'}
          </Link>
        </li>
        <li>
          <Link className="utrecht-link" to={`${tenant.base}/expertgroepen`}>
            {groups.isSuccess
              ? `${lateGroups === 0 ? 'Geen expertgroep is' : lateGroups === 1 ? '1 expertgroep is' : `${lateGroups} expertgroepen zijn`} te laat met een evaluatie.${
                  next ? ` De volgende evaluatie moet uiterlijk ${formatDate(next.nextDueOn)} klaar zijn.` : ''
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
