import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Indicator, Measurement } from '../../api/types';
import { SelectField, TextField, ValidatedForm, useFormErrors, type FieldErrors } from '../../components/form';
import { Alert, Loading } from '../../components/Feedback';
import { useDraft } from '../../lib/drafts';
import { formatDateTime, formatNumber, formatPeriod, parseDutchNumber } from '../../lib/format';
import { useTenant } from '../tenants/TenantContext';
import { useRecordMeasurement } from './api';
import { useMunicipalities } from '../tenants/api';

const labels = {
  municipalityId: 'Gebied',
  year: 'Jaar',
  half: 'Periode van het jaar',
  period: 'Periode',
  value: 'Waarde',
  sourceNote: 'Bron',
};

const WHOLE = 'heel';

/**
 * Enter the figure of one area and period; replacing a figure shows the old one and asks first.
 * The areas are those the indicator's priority is measured in (a local priority only in its own
 * municipality) that the user may enter figures for, also before an area has any figure.
 */
export function MeasurementForm({
  indicator,
  measurements,
  priorityMunicipalityId,
}: {
  indicator: Indicator;
  measurements: Measurement[];
  priorityMunicipalityId: string | null;
}) {
  const tenant = useTenant();
  const record = useRecordMeasurement(tenant.slug, indicator.id);
  const municipalities = useMunicipalities(tenant.slug);
  const areas = [
    ...(priorityMunicipalityId ? [] : [{ municipalityId: null as string | null, areaName: 'Het hele samenwerkingsverband' }]),
    ...(municipalities.data ?? [])
      .filter((m) => !priorityMunicipalityId || m.id === priorityMunicipalityId)
      .map((m) => ({ municipalityId: m.id as string | null, areaName: m.name })),
  ].filter((a) => tenant.can.enterMeasurement(a.municipalityId));
  const [values, setValues, discard] = useDraft(`measurement:${tenant.slug}:${indicator.id}`, () => ({
    area: '',
    year: String(new Date().getFullYear() - 1),
    half: '',
    value: '',
    sourceNote: '',
  }));
  const [replacing, setReplacing] = useState<Measurement | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { fieldErrors, formError, focusKey, fail, failWith, clear } = useFormErrors();
  const confirmRef = useRef<HTMLDivElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const wasReplacing = useRef(false);
  useEffect(() => {
    // After the question about replacing (yes or no), the user continues at the save button.
    if (!replacing && wasReplacing.current) saveRef.current?.focus();
    wasReplacing.current = replacing !== null;
  }, [replacing]);
  const set = (k: keyof typeof values) => (v: string) => {
    setValues({ ...values, [k]: v });
    setReplacing(null);
  };

  if (municipalities.isPending) return <Loading what="de gebieden" />;
  if (areas.length === 0) return null;

  // With one area to choose from (a scoped coordinator), that one is chosen.
  const area = values.area || (areas.length === 1 ? (areas[0]!.municipalityId ?? WHOLE) : '');
  const year = values.year.trim();
  const period = values.half ? `${year}-${values.half}` : year;
  const municipalityId = area === WHOLE ? null : area;
  const areaLabel = areas.find((a) => (a.municipalityId ?? WHOLE) === area)?.areaName ?? '';

  function check(): { value: number } | null {
    const errors: FieldErrors = {};
    if (!area) errors.municipalityId = 'Kies het gebied van het cijfer.';
    if (!/^\d{4}$/.test(values.year.trim())) errors.period = 'Vul een jaartal in, zoals 2024.';
    const value = parseDutchNumber(values.value);
    if (values.value.trim() === '') errors.value = 'Vul het cijfer in.';
    else if (value === null) errors.value = 'Vul een getal in, zoals 812 of 7,7.';
    if (Object.keys(errors).length > 0) {
      fail(errors);
      return null;
    }
    return { value: value! };
  }

  async function save(value: number) {
    try {
      await record.mutateAsync({ municipalityId, period, value, sourceNote: values.sourceNote.trim() || null });
      setSaved(`${formatNumber(value)} voor ${areaLabel} over ${formatPeriod(period)} is opgeslagen. Het oordeel hierboven is bijgewerkt.`);
      setReplacing(null);
      clear();
      discard();
      setValues({ ...values, value: '', sourceNote: '' });
    } catch (error) {
      setReplacing(null);
      failWith(error);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const ok = check();
    if (!ok) return;
    const existing = measurements.find((m) => (m.municipalityId ?? null) === municipalityId && m.period === period);
    if (existing && existing.value !== ok.value && replacing?.id !== existing.id) {
      clear();
      setReplacing(existing);
      requestAnimationFrame(() => confirmRef.current?.focus());
      return;
    }
    await save(ok.value);
  }

  return (
    <section aria-labelledby="cijfer-invoeren" className="panel">
      <h2 className="utrecht-heading-2" id="cijfer-invoeren">
        Cijfer invoeren
      </h2>
      {/* Always there, so that screen readers announce the sentence when it appears. */}
      <div role="status">
        {saved && (
          <Alert type="ok">
            <p className="utrecht-paragraph">{saved}</p>
          </Alert>
        )}
      </div>
      <ValidatedForm errors={{ fieldErrors, formError, focusKey }} labels={labels} onSubmit={submit} labelledBy="cijfer-invoeren">
        <SelectField
          name="municipalityId"
          label={labels.municipalityId}
          hint={tenant.can.scopedTo ? 'U voert cijfers in voor uw eigen gemeente.' : undefined}
          required
          placeholder={areas.length > 1 ? 'Kies een gebied' : undefined}
          value={area}
          onChange={set('area')}
          error={fieldErrors.municipalityId}
          options={areas.map((a) => ({ value: a.municipalityId ?? WHOLE, label: a.areaName }))}
        />
        <div className="field-row">
          <TextField name="period" label={labels.year} inputMode="numeric" required value={values.year} onChange={set('year')} error={fieldErrors.period} />
          <SelectField
            name="half"
            label={labels.half}
            plain
            value={values.half}
            onChange={set('half')}
            options={[
              { value: '', label: 'Het hele jaar' },
              { value: 'H1', label: 'Eerste helft' },
              { value: 'H2', label: 'Tweede helft' },
            ]}
          />
        </div>
        <TextField
          name="value"
          label={`${labels.value}${indicator.unit ? ` (${indicator.unit})` : ''}`}
          hint="Gebruik een komma voor decimalen, bijvoorbeeld 7,7."
          inputMode="decimal"
          required
          value={values.value}
          onChange={set('value')}
          error={fieldErrors.value}
        />
        <TextField
          name="sourceNote"
          label={labels.sourceNote}
          hint="Waar komt het cijfer vandaan? Bijvoorbeeld: politie, export 12 januari."
          value={values.sourceNote}
          onChange={set('sourceNote')}
          error={fieldErrors.sourceNote}
        />
        {replacing ? (
          <div className="confirm" role="group" aria-labelledby="vervang-vraag" tabIndex={-1} ref={confirmRef}>
            <p className="utrecht-paragraph" id="vervang-vraag">
              <strong>
                Voor {areaLabel} staat over {formatPeriod(period)} al {formatNumber(replacing.value)}.
              </strong>{' '}
              Ingevoerd door {replacing.enteredByName ?? 'onbekend'} op {formatDateTime(replacing.enteredAt)}. Wilt u dit
              vervangen door {values.value.trim()}? De oude waarde blijft in de geschiedenis.
            </p>
            <div className="form-buttons">
              <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={record.isPending}>
                Ja, vervangen
              </button>
              <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setReplacing(null)}>
                Nee, niet vervangen
              </button>
            </div>
          </div>
        ) : (
          <div className="form-buttons">
            <button type="submit" ref={saveRef} className="utrecht-button utrecht-button--primary-action" disabled={record.isPending}>
              {record.isPending ? 'Bezig met opslaan…' : 'Cijfer opslaan'}
            </button>
          </div>
        )}
      </ValidatedForm>
    </section>
  );
}
