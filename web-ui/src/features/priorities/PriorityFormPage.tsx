import { type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { FormButtons } from '../../components/FormButtons';
import { QueryView } from '../../components/QueryView';
import { Alert } from '../../components/Feedback';
import {
  SelectField,
  TextAreaField,
  TextField,
  useFormErrors,
  ValidatedForm,
  type FieldErrors,
} from '../../components/form';
import { useDraft } from '../../lib/drafts';
import type { Priority, PriorityRequest } from '../../api/types';
import { useTenant } from '../tenants/TenantContext';
import { OwnerField } from '../tenants/OwnerField';
import { useMunicipalities } from '../tenants/api';
import { usePlans } from '../plans/api';
import { usePriorities, usePriority, useSavePriority } from './api';

const labels = {
  planId: 'Plan',
  parentId: 'Hoort onder',
  title: 'Titel',
  scope: 'Niveau',
  municipalityId: 'Gemeente',
  districtId: 'Wijk',
  opgave: 'Opgave',
  ambitie: 'Ambitie',
  aanpak: 'Aanpak',
  doelstelling: 'Doelstelling',
  partners: 'Partners',
  flankerendBeleid: 'Flankerend beleid',
  ownerId: 'Eigenaar',
};

export function PriorityFormPage() {
  const tenant = useTenant();
  const { priorityId = '' } = useParams();
  const priority = usePriority(tenant.slug, priorityId);
  if (!priorityId) return <PriorityForm />;
  return (
    <QueryView query={priority} what="de prioriteit">
      {(p) => <PriorityForm priority={p} />}
    </QueryView>
  );
}

function PriorityForm({ priority }: { priority?: Priority }) {
  const tenant = useTenant();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const plans = usePlans(tenant.slug);
  const municipalities = useMunicipalities(tenant.slug);
  const save = useSavePriority(tenant.slug, priority?.id);
  const scoped = tenant.can.scopedTo;
  const draftKey = priority ? `${priority.id}:${priority.updatedAt}` : `nieuw:${params.get('plan') ?? ''}`;
  const [values, setValues, discard] = useDraft(`priority:${tenant.slug}:${draftKey}`, () => ({
    planId: priority?.planId ?? params.get('plan') ?? '',
    parentId: priority?.parentId ?? '',
    title: priority?.title ?? '',
    scope: priority?.scope ?? (scoped ? 'municipality' : 'cooperation'),
    municipalityId: priority?.municipalityId ?? scoped ?? '',
    districtId: priority?.districtId ?? '',
    opgave: priority?.opgave ?? '',
    ambitie: priority?.ambitie ?? '',
    aanpak: priority?.aanpak ?? '',
    doelstelling: priority?.doelstelling ?? '',
    partners: (priority?.partners ?? []).join('\n'),
    flankerendBeleid: priority?.flankerendBeleid ?? '',
    ownerId: priority?.ownerId ?? '',
  }));
  const siblings = usePriorities(tenant.slug, { planId: values.planId }, values.planId !== '');
  const { fieldErrors, formError, focusKey, fail, failWith } = useFormErrors();
  const set = (k: keyof typeof values) => (v: string) => setValues({ ...values, [k]: v });

  if (priority && !tenant.can.editPriority(priority.municipalityId)) {
    return (
      <Page title="Prioriteit bewerken">
        <Alert type="warning">
          <p className="utrecht-paragraph">U mag deze prioriteit niet bewerken met uw rol.</p>
        </Alert>
      </Page>
    );
  }

  const municipalityOptions = (municipalities.data ?? [])
    .filter((m) => !scoped || m.id === scoped)
    .map((m) => ({ value: m.id, label: m.name }));
  const districts = municipalities.data?.find((m) => m.id === values.municipalityId)?.districts ?? [];
  const scopeOptions = [
    ...(scoped ? [] : [{ value: 'cooperation', label: 'Bovenlokaal (het hele samenwerkingsverband)' }]),
    { value: 'municipality', label: 'Eén gemeente' },
    { value: 'district', label: 'Eén wijk' },
  ];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors: FieldErrors = {};
    if (!values.planId) errors.planId = 'Kies het plan waar deze prioriteit bij hoort.';
    if (!values.title.trim()) errors.title = 'Vul de titel in.';
    if (values.scope !== 'cooperation' && !values.municipalityId) errors.municipalityId = 'Kies de gemeente.';
    if (values.scope === 'district' && !values.districtId) errors.districtId = 'Kies de wijk.';
    if (Object.keys(errors).length > 0) return fail(errors);
    try {
      const saved = await save.mutateAsync({
        planId: values.planId,
        parentId: values.parentId || null,
        title: values.title.trim(),
        scope: values.scope as PriorityRequest['scope'],
        municipalityId: values.scope === 'cooperation' ? null : values.municipalityId || null,
        districtId: values.scope === 'district' ? values.districtId || null : null,
        opgave: values.opgave,
        ambitie: values.ambitie,
        aanpak: values.aanpak,
        doelstelling: values.doelstelling,
        partners: values.partners.split('\n').map((s) => s.trim()).filter(Boolean),
        flankerendBeleid: values.flankerendBeleid,
        ownerId: values.ownerId || null,
      });
      discard();
      navigate(`${tenant.base}/prioriteiten/${saved.id}`);
    } catch (error) {
      failWith(error);
    }
  }

  const title = priority ? `${priority.title} bewerken` : 'Nieuwe prioriteit';
  return (
    <Page
      title={title}
      breadcrumbs={[
        { label: tenant.name, to: tenant.base },
        { label: 'Plannen', to: `${tenant.base}/plannen` },
        ...(priority ? [{ label: priority.title, to: `${tenant.base}/prioriteiten/${priority.id}` }] : []),
        { label: priority ? 'Bewerken' : 'Nieuwe prioriteit' },
      ]}
    >
      <ValidatedForm errors={{ fieldErrors, formError, focusKey }} labels={labels} onSubmit={submit} label={title}>
        <SelectField
          name="planId"
          label={labels.planId}
          required
          placeholder="Kies een plan"
          value={values.planId}
          onChange={set('planId')}
          error={fieldErrors.planId}
          options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
        />
        <SelectField
          name="parentId"
          label={labels.parentId}
          hint="Kies een hoofdprioriteit als dit een subprioriteit is."
          placeholder="Geen: dit is een hoofdprioriteit"
          value={values.parentId}
          onChange={set('parentId')}
          error={fieldErrors.parentId}
          options={(siblings.data ?? [])
            .filter((p) => p.id !== priority?.id && !p.parentId)
            .map((p) => ({ value: p.id, label: p.title }))}
        />
        <TextField name="title" label={labels.title} required value={values.title} onChange={set('title')} error={fieldErrors.title} />
        <SelectField name="scope" label={labels.scope} required value={values.scope} onChange={set('scope')} error={fieldErrors.scope} options={scopeOptions} />
        {values.scope !== 'cooperation' && (
          <SelectField
            name="municipalityId"
            label={labels.municipalityId}
            required
            placeholder="Kies een gemeente"
            value={values.municipalityId}
            onChange={set('municipalityId')}
            error={fieldErrors.municipalityId}
            options={municipalityOptions}
          />
        )}
        {values.scope === 'district' && (
          <SelectField
            name="districtId"
            label={labels.districtId}
            required
            placeholder={districts.length ? 'Kies een wijk' : 'Deze gemeente heeft nog geen wijken'}
            value={values.districtId}
            onChange={set('districtId')}
            error={fieldErrors.districtId}
            options={districts.map((d) => ({ value: d.id, label: d.name }))}
          />
        )}
        <TextAreaField name="opgave" label={labels.opgave} hint="Welk probleem pakt u aan?" value={values.opgave} onChange={set('opgave')} error={fieldErrors.opgave} />
        <TextAreaField name="ambitie" label={labels.ambitie} hint="Wat wilt u bereiken?" value={values.ambitie} onChange={set('ambitie')} error={fieldErrors.ambitie} />
        <TextAreaField name="aanpak" label={labels.aanpak} hint="Hoe pakt u het aan?" value={values.aanpak} onChange={set('aanpak')} error={fieldErrors.aanpak} />
        <TextAreaField name="doelstelling" label={labels.doelstelling} hint="Het meetbare doel, bijvoorbeeld: minder dan 800 misdrijven in 2024." value={values.doelstelling} onChange={set('doelstelling')} error={fieldErrors.doelstelling} />
        <TextAreaField name="partners" label={labels.partners} hint="Eén partner per regel, bijvoorbeeld: Politie" rows={3} value={values.partners} onChange={set('partners')} error={fieldErrors.partners} />
        <TextAreaField name="flankerendBeleid" label={labels.flankerendBeleid} value={values.flankerendBeleid} onChange={set('flankerendBeleid')} error={fieldErrors.flankerendBeleid} />
        <OwnerField value={values.ownerId} currentName={priority?.ownerName} onChange={set('ownerId')} error={fieldErrors.ownerId} />
        <FormButtons
          busy={save.isPending}
          onCancel={() => {
            discard(); navigate(priority ? `${tenant.base}/prioriteiten/${priority.id}` : values.planId ? `${tenant.base}/plannen/${values.planId}` : `${tenant.base}/plannen`);
          }}
        />
      </ValidatedForm>
    </Page>
  );
}
