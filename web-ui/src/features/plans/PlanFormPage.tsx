import { type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Page } from '../../components/Page';
import { FormButtons } from '../../components/FormButtons';
import { QueryView } from '../../components/QueryView';
import { SelectField, TextField, ValidatedForm, useFormErrors, type FieldErrors } from '../../components/form';
import { Alert } from '../../components/Feedback';
import { useDraft } from '../../lib/drafts';
import { planKindLabels, planStatusLabels } from '../../lib/labels';
import type { Plan, PlanRequest } from '../../api/types';
import { useTenant } from '../tenants/TenantContext';
import { usePlan, useSavePlan } from './api';

const labels = {
  title: 'Titel',
  kind: 'Soort plan',
  startYear: 'Eerste jaar',
  endYear: 'Laatste jaar',
  status: 'Status',
  adoptedOn: 'Vastgesteld op',
};

export function PlanFormPage() {
  const tenant = useTenant();
  const { planId } = useParams();
  const plan = usePlan(tenant.slug, planId ?? '');
  if (!tenant.can.editPlans) {
    return (
      <Page title="Plan bewerken">
        <Alert type="warning">
          <p className="utrecht-paragraph">Alleen coördinatoren van het hele samenwerkingsverband en beheerders bewerken plannen.</p>
        </Alert>
      </Page>
    );
  }
  if (!planId) return <PlanForm />;
  return (
    <QueryView query={plan} what="het plan">
      {(p) => <PlanForm plan={p} />}
    </QueryView>
  );
}

function PlanForm({ plan }: { plan?: Plan }) {
  const tenant = useTenant();
  const navigate = useNavigate();
  const save = useSavePlan(tenant.slug, plan?.id);
  const year = new Date().getFullYear();
  const [values, setValues, discard] = useDraft(`plan:${tenant.slug}:${plan ? `${plan.id}:${plan.updatedAt}` : 'nieuw'}`, () => ({
    title: plan?.title ?? '',
    kind: plan?.kind ?? 'ivp',
    startYear: String(plan?.startYear ?? year),
    endYear: String(plan?.endYear ?? year + 3),
    status: plan?.status ?? 'concept',
    adoptedOn: plan?.adoptedOn ?? '',
  }));
  const { fieldErrors, formError, focusKey, fail, failWith } = useFormErrors();
  const set = (k: keyof typeof values) => (v: string) => setValues({ ...values, [k]: v });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!values.title.trim()) errors.title = 'Vul de titel van het plan in.';
    if (!/^\d{4}$/.test(values.startYear)) errors.startYear = 'Vul een jaartal in, zoals 2023.';
    if (!/^\d{4}$/.test(values.endYear)) errors.endYear = 'Vul een jaartal in, zoals 2026.';
    if (values.status === 'vastgesteld' && !values.adoptedOn) errors.adoptedOn = 'Vul de datum in waarop de raad het plan vaststelde.';
    if (Object.keys(errors).length > 0) return fail(errors);
    try {
      const saved = await save.mutateAsync({
        title: values.title.trim(),
        kind: values.kind as PlanRequest['kind'],
        startYear: Number(values.startYear),
        endYear: Number(values.endYear),
        status: values.status as PlanRequest['status'],
        adoptedOn: values.adoptedOn || null,
      });
      discard();
      navigate(`${tenant.base}/plannen/${saved.id}`);
    } catch (error) {
      failWith(error);
    }
  }

  const title = plan ? `${plan.title} bewerken` : 'Nieuw plan';
  return (
    <Page
      title={title}
      breadcrumbs={[
        { label: tenant.name, to: tenant.base },
        { label: 'Plannen', to: `${tenant.base}/plannen` },
        ...(plan ? [{ label: plan.title, to: `${tenant.base}/plannen/${plan.id}` }] : []),
        { label: plan ? 'Bewerken' : 'Nieuw plan' },
      ]}
    >
      <ValidatedForm errors={{ fieldErrors, formError, focusKey }} labels={labels} onSubmit={submit} label={title}>
        <TextField name="title" label={labels.title} hint="Bijvoorbeeld: Integraal Veiligheidsplan 2027-2030" required value={values.title} onChange={set('title')} error={fieldErrors.title} />
        <SelectField
          name="kind"
          label={labels.kind}
          required
          value={values.kind}
          onChange={set('kind')}
          error={fieldErrors.kind}
          options={Object.entries(planKindLabels).map(([value, text]) => ({ value, label: text }))}
        />
        <div className="field-row">
          <TextField name="startYear" label={labels.startYear} inputMode="numeric" required value={values.startYear} onChange={set('startYear')} error={fieldErrors.startYear} />
          <TextField name="endYear" label={labels.endYear} inputMode="numeric" required value={values.endYear} onChange={set('endYear')} error={fieldErrors.endYear} />
        </div>
        <SelectField
          name="status"
          label={labels.status}
          required
          value={values.status}
          onChange={set('status')}
          error={fieldErrors.status}
          options={Object.entries(planStatusLabels).map(([value, text]) => ({ value, label: text }))}
        />
        <TextField name="adoptedOn" label={labels.adoptedOn} hint="De datum van het raadsbesluit. Alleen bij een vastgesteld plan." type="date" value={values.adoptedOn} onChange={set('adoptedOn')} error={fieldErrors.adoptedOn} />
        <FormButtons
          busy={save.isPending}
          onCancel={() => {
            discard(); navigate(plan ? `${tenant.base}/plannen/${plan.id}` : `${tenant.base}/plannen`);
          }}
        />
      </ValidatedForm>
    </Page>
  );
}
