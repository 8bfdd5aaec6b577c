import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';
import { StatusBadge } from '../../components/StatusBadge';
import { SelectField, TextField } from '../../components/form';
import { useTenant } from '../tenants/TenantContext';
import { usePlans } from '../plans/api';
import { usePriorities } from '../priorities/api';
import { useIndicators } from './api';

/** Every indicator with its verdict per area; filters live in the address, so a filtered list can be shared. */
export function IndicatorsPage() {
  const tenant = useTenant();
  const [params, setParams] = useSearchParams();
  const planId = params.get('plan') ?? '';
  const priorityId = params.get('prioriteit') ?? '';
  const name = params.get('naam') ?? '';
  const [nameInput, setNameInput] = useState(name);
  const plans = usePlans(tenant.slug);
  const priorities = usePriorities(tenant.slug, planId ? { planId } : {});
  const indicators = useIndicators(tenant.slug, {
    ...(planId ? { planId } : {}),
    ...(priorityId ? { priorityId } : {}),
    ...(name ? { name } : {}),
  });
  const priorityTitle = new Map((priorities.data ?? []).map((p) => [p.id, p.title]));

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  return (
    <Page title="Indicatoren" breadcrumbs={[{ label: tenant.name, to: tenant.base }, { label: 'Indicatoren' }]}>
      <form
        className="filters"
        noValidate
        role="search"
        aria-label="Indicatoren filteren"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          update({ naam: nameInput.trim() });
        }}
      >
        <SelectField
          name="plan"
          label="Plan"
          plain
          placeholder="Alle plannen"
          value={planId}
          onChange={(v) => update({ plan: v, prioriteit: '' })}
          options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
        />
        <SelectField
          name="prioriteit"
          label="Prioriteit"
          plain
          placeholder="Alle prioriteiten"
          value={priorityId}
          onChange={(v) => update({ prioriteit: v })}
          options={(priorities.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
        />
        <div className="filters__search">
          <TextField name="naam" label="Naam bevat" type="search" plain value={nameInput} onChange={setNameInput} />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            Zoeken
          </button>
        </div>
      </form>
      <QueryView query={indicators} what="de indicatoren">
        {(items) => (
          <>
            <p className="utrecht-paragraph" role="status">
              {items.length === 0 ? 'Geen indicatoren gevonden.' : `${items.length} ${items.length === 1 ? 'indicator' : 'indicatoren'} gevonden.`}
            </p>
            <ul className="indicator-list">
              {items.map((i) => (
                <li key={i.id} className="indicator-list__item">
                  <h2 className="utrecht-heading-3">
                    <Link className="utrecht-link" to={`${tenant.base}/indicatoren/${i.id}`}>
                      {i.name}
                    </Link>
                  </h2>
                  <p className="muted">
                    {priorityTitle.get(i.priorityId) ?? ''}
                    {i.source ? ` · bron: ${i.source}` : ''}
                  </p>
                  <ul className="area-verdicts" aria-label={`Oordeel per gebied voor ${i.name}`}>
                    {i.areas.map((a) => (
                      <li key={a.municipalityId ?? 'heel'}>
                        <span className="area-verdicts__name">{a.areaName}:</span>{' '}
                        <StatusBadge status={a.progress.status} label={a.progress.label} prefix="Status: " />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryView>
    </Page>
  );
}
