import { type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { FormButtons } from '../../components/FormButtons';
import { QueryView } from '../../components/QueryView';
import { SelectField, TextAreaField, TextField, ValidatedForm, useFormErrors, type FieldErrors } from '../../components/form';
import { useDraft } from '../../lib/drafts';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { ApiError } from '../../lib/problem';
import { comparatorLabels, directionLabels } from '../../lib/labels';
import type { Indicator, IndicatorRequest } from '../../api/types';
import { useTenant } from '../tenants/TenantContext';
import { useMunicipalities } from '../tenants/api';
import { usePriorities } from '../priorities/api';
import { useIndicator, useSaveIndicator } from './api';
import { WHOLE, areaField, areaValuesOf, buildAreas, emptyArea, mapAreaErrors, type AreaValues } from './indicatorForm';

const baseLabels: Record<string, string> = {
  priorityId: 'Prioriteit',
  name: 'Naam',
  description: 'Omschrijving',
  unit: 'Eenheid',
  source: 'Bron',
  direction: 'Wat is beter?',
  policeCode: 'Politiecode',
};

const halfOptions = [
  { value: '', label: 'Het hele jaar' },
  { value: 'H1', label: 'Eerste helft' },
  { value: 'H2', label: 'Tweede helft' },
];

export function IndicatorFormPage() {
  const tenant = useTenant();
  const { indicatorId = '' } = useParams();
  const indicator = useIndicator(tenant.slug, indicatorId);
  if (!indicatorId) return <IndicatorForm />;
  return (
    <QueryView query={indicator} what="de indicator">
      {(i) => <IndicatorForm indicator={i} />}
    </QueryView>
  );
}

function IndicatorForm({ indicator }: { indicator?: Indicator }) {
  const tenant = useTenant();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const municipalities = useMunicipalities(tenant.slug);
  const priorities = usePriorities(tenant.slug);
  const save = useSaveIndicator(tenant.slug, indicator?.id);
  // A draft belongs to this version of the indicator, or to a new one under this priority.
  const draftKey = indicator ? `${indicator.id}:${indicator.updatedAt}` : `nieuw:${params.get('prioriteit') ?? ''}`;
  const [values, setValues, discard] = useDraft(`indicator:${tenant.slug}:${draftKey}`, () => ({
    priorityId: indicator?.priorityId ?? params.get('prioriteit') ?? '',
    name: indicator?.name ?? '',
    description: indicator?.description ?? '',
    unit: indicator?.unit ?? 'aantal',
    source: indicator?.source ?? '',
    direction: indicator?.direction ?? 'lower_is_better',
    policeCode: indicator?.policeCode ?? '',
    areas: areaValuesOf(indicator),
  }));
  const { fieldErrors, formError, focusKey, fail, failWith } = useFormErrors();
  const set = (k: Exclude<keyof typeof values, 'areas'>) => (v: string) => setValues({ ...values, [k]: v });
  const areaOf = (key: string) => values.areas[key] ?? emptyArea();
  const setArea = (key: string, field: keyof AreaValues) => (v: string) =>
    setValues({ ...values, areas: { ...values.areas, [key]: { ...areaOf(key), [field]: v } } });

  const editable = (priorities.data ?? []).filter((p) => tenant.can.editPriority(p.municipalityId));
  const chosen = priorities.data?.find((p) => p.id === values.priorityId);
  // A local priority is measured in its own municipality; a cooperation-wide one everywhere.
  const areaKeys = [
    ...(chosen?.municipalityId ? [] : [WHOLE]),
    ...(municipalities.data ?? []).filter((m) => !chosen?.municipalityId || m.id === chosen.municipalityId).map((m) => m.id),
  ];
  const areaName = (key: string) => (key === WHOLE ? 'Het hele samenwerkingsverband' : (municipalities.data?.find((m) => m.id === key)?.name ?? key));
  const labels: Record<string, string> = { ...baseLabels };
  for (const key of areaKeys) {
    labels[areaField(key, 'baselineYear')] = `${areaName(key)}, jaar van de uitgangswaarde`;
    labels[areaField(key, 'baselineValue')] = `${areaName(key)}, uitgangswaarde`;
    labels[areaField(key, 'targetYear')] = `${areaName(key)}, jaar van de streefwaarde`;
    labels[areaField(key, 'targetComparator')] = `${areaName(key)}, soort streefwaarde`;
    labels[areaField(key, 'targetValue')] = `${areaName(key)}, streefwaarde`;
  }

  // The areas sent replace the stored ones: never send them before every area is known.
  if (municipalities.isPending || priorities.isPending) return <Loading what="de gebieden" />;
  if (municipalities.isError || priorities.isError) {
    return <ErrorMessage error={municipalities.error ?? priorities.error} retry={() => void (municipalities.refetch(), priorities.refetch())} />;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const shown = Object.fromEntries(areaKeys.map((k) => [k, areaOf(k)]));
    const { request, keys, errors } = buildAreas(shown);
    if (!values.priorityId) errors.priorityId = 'Kies de prioriteit waar deze indicator bij hoort.';
    if (!values.name.trim()) errors.name = 'Vul de naam van de indicator in.';
    if (!values.unit.trim()) errors.unit = 'Vul de eenheid in, bijvoorbeeld aantal of rapportcijfer.';
    if (!values.source.trim()) errors.source = 'Vul de bron in, bijvoorbeeld politie of Veiligheidsmonitor.';
    if (Object.keys(errors).length > 0) return fail(errors);
    try {
      const saved = await save.mutateAsync({
        priorityId: values.priorityId,
        name: values.name.trim(),
        description: values.description,
        unit: values.unit.trim(),
        source: values.source.trim(),
        direction: values.direction as IndicatorRequest['direction'],
        policeCode: values.policeCode.trim() || null,
        areas: request,
      });
      discard();
      navigate(`${tenant.base}/indicatoren/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && error.invalidParams.length > 0) {
        const mapped: FieldErrors = {};
        for (const p of error.invalidParams) mapped[p.name] ??= p.reason;
        fail(mapAreaErrors(mapped, keys));
      } else {
        failWith(error);
      }
    }
  }

  const title = indicator ? `${indicator.name} bewerken` : 'Nieuwe indicator';
  return (
    <Page
      title={title}
      breadcrumbs={[
        { label: tenant.name, to: tenant.base },
        { label: 'Indicatoren', to: `${tenant.base}/indicatoren` },
        ...(indicator ? [{ label: indicator.name, to: `${tenant.base}/indicatoren/${indicator.id}` }] : []),
        { label: indicator ? 'Bewerken' : 'Nieuwe indicator' },
      ]}
    >
      <ValidatedForm errors={{ fieldErrors, formError, focusKey }} labels={labels} onSubmit={submit} label={title}>
        <SelectField
          name="priorityId"
          label={labels.priorityId!}
          required
          placeholder="Kies een prioriteit"
          value={values.priorityId}
          onChange={set('priorityId')}
          error={fieldErrors.priorityId}
          options={editable.map((p) => ({ value: p.id, label: p.title }))}
        />
        <TextField name="name" label={labels.name!} required value={values.name} onChange={set('name')} error={fieldErrors.name} />
        <TextAreaField name="description" label={labels.description!} rows={3} value={values.description} onChange={set('description')} error={fieldErrors.description} />
        <div className="field-row">
          <TextField name="unit" label={labels.unit!} hint="Bijvoorbeeld: aantal, procent, rapportcijfer" required value={values.unit} onChange={set('unit')} error={fieldErrors.unit} />
          <TextField name="source" label={labels.source!} hint="Bijvoorbeeld: politie, Veiligheidsmonitor, CBS" required value={values.source} onChange={set('source')} error={fieldErrors.source} />
        </div>
        <div className="field-row">
          <SelectField
            name="direction"
            label={labels.direction!}
            required
            value={values.direction}
            onChange={set('direction')}
            error={fieldErrors.direction}
            options={Object.entries(directionLabels).map(([value, text]) => ({ value, label: text }))}
          />
          <TextField name="policeCode" label={labels.policeCode!} hint="Bijvoorbeeld: F44" value={values.policeCode} onChange={set('policeCode')} error={fieldErrors.policeCode} />
        </div>
        <h2 className="utrecht-heading-2">Uitgangswaarde en streefwaarde per gebied</h2>
        <p className="utrecht-paragraph">
          Laat een gebied leeg als u er niet op stuurt. De voortgang wordt gemeten langs een rechte lijn van de uitgangswaarde naar de
          streefwaarde.
        </p>
        {areaKeys.map((key) => {
          const a = areaOf(key);
          const f = (field: keyof AreaValues) => areaField(key, field);
          return (
            <fieldset key={key} className="utrecht-form-fieldset area-fieldset">
              <legend className="utrecht-form-fieldset__legend">{areaName(key)}</legend>
              <div className="field-row">
                <TextField name={f('baselineYear')} label="Jaar uitgangswaarde" inputMode="numeric" value={a.baselineYear} onChange={setArea(key, 'baselineYear')} error={fieldErrors[f('baselineYear')]} />
                <SelectField name={f('baselineHalf')} label="Periode uitgangswaarde" plain value={a.baselineHalf} onChange={setArea(key, 'baselineHalf')} options={halfOptions} />
                <TextField name={f('baselineValue')} label="Uitgangswaarde" inputMode="decimal" value={a.baselineValue} onChange={setArea(key, 'baselineValue')} error={fieldErrors[f('baselineValue')]} />
              </div>
              <div className="field-row">
                <TextField name={f('targetYear')} label="Jaar streefwaarde" inputMode="numeric" value={a.targetYear} onChange={setArea(key, 'targetYear')} error={fieldErrors[f('targetYear')]} />
                <SelectField name={f('targetHalf')} label="Periode streefwaarde" plain value={a.targetHalf} onChange={setArea(key, 'targetHalf')} options={halfOptions} />
                <SelectField
                  name={f('targetComparator')}
                  label="Soort streefwaarde"
                  required
                  value={a.targetComparator}
                  onChange={setArea(key, 'targetComparator')}
                  error={fieldErrors[f('targetComparator')]}
                  options={Object.entries(comparatorLabels).map(([value, text]) => ({ value, label: text }))}
                />
                <TextField name={f('targetValue')} label="Streefwaarde" inputMode="decimal" value={a.targetValue} onChange={setArea(key, 'targetValue')} error={fieldErrors[f('targetValue')]} />
              </div>
            </fieldset>
          );
        })}
        <FormButtons
          busy={save.isPending}
          onCancel={() => {
            discard(); navigate(indicator ? `${tenant.base}/indicatoren/${indicator.id}` : `${tenant.base}/indicatoren`);
          }}
        />
      </ValidatedForm>
    </Page>
  );
}
