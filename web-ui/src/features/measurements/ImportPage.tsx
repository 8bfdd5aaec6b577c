import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { Alert } from '../../components/Feedback';
import { SelectField } from '../../components/form';
import { ApiError, type RejectedRow } from '../../lib/problem';
import type { ImportReport } from '../../api/types';
import { useTenant } from '../tenants/TenantContext';
import { downloadMeasurements, useImportMeasurements } from './api';
import { ScrollableTable } from '../../components/ScrollableTable';

type Outcome =
  | { kind: 'checked'; report: ImportReport; fileName: string }
  | { kind: 'refused'; message: string; rows: RejectedRow[]; fileName: string }
  | { kind: 'imported'; report: ImportReport; fileName: string }
  | { kind: 'error'; message: string };

const MAX_BYTES = 10 * 1024 * 1024;

/** Import figures from a spreadsheet: check first (nothing is saved), then import all rows or none. */
export function ImportPage() {
  const tenant = useTenant();
  const run = useImportMeasurements(tenant.slug);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const result = useRef<HTMLDivElement>(null);
  const mayImport = tenant.can.entersAnyMeasurement;

  const show = (o: Outcome) => {
    setOutcome(o);
    requestAnimationFrame(() => result.current?.focus());
  };

  async function go(dryRun: boolean) {
    if (!file) {
      setFileError('Kies eerst een CSV-bestand.');
      return;
    }
    setFileError(null);
    try {
      const report = await run.mutateAsync({ file, dryRun });
      show({ kind: dryRun ? 'checked' : 'imported', report, fileName: file.name });
    } catch (error) {
      if (error instanceof ApiError && error.rejectedRows.length > 0) {
        show({ kind: 'refused', message: error.message, rows: error.rejectedRows, fileName: file.name });
      } else {
        show({ kind: 'error', message: error instanceof ApiError ? error.message : 'Het bestand kon niet worden gelezen.' });
      }
    }
  }

  if (!mayImport) {
    return (
      <Page title="Cijfers downloaden" breadcrumbs={[{ label: tenant.name, to: tenant.base }, { label: 'Cijfers downloaden' }]}>
        <ExportSection />
      </Page>
    );
  }

  return (
    <Page
      title="Cijfers importeren"
      breadcrumbs={[{ label: tenant.name, to: tenant.base }, { label: 'Cijfers importeren' }]}
      lead={
        <p className="utrecht-paragraph">
          Zet veel cijfers tegelijk in het platform, bijvoorbeeld de jaarcijfers van de politie. U controleert het bestand eerst; er
          wordt pas iets opgeslagen als u daarna op Importeren klikt. Bevat het bestand een fout, dan wordt niets opgeslagen.
        </p>
      }
    >
      {
        <section aria-labelledby="importeren-kop" className="panel">
          <h2 className="utrecht-heading-2" id="importeren-kop">
            Bestand kiezen
          </h2>
          <details className="explainer">
            <summary>Hoe moet het bestand eruitzien?</summary>
            <ul className="utrecht-unordered-list">
              <li>Een CSV-bestand, zoals Excel het opslaat: met komma's, of met puntkomma's ("CSV (puntkomma gescheiden)").</li>
              <li>
                De eerste regel noemt de kolommen: <code>indicator</code>, <code>gemeente</code>, <code>periode</code>, <code>waarde</code>{' '}
                en eventueel <code>toelichting</code>.
              </li>
              <li>Laat de gemeente leeg voor een cijfer van het hele samenwerkingsverband.</li>
              <li>Periode: een jaar (2024) of een halfjaar (2024-H1).</li>
              <li>Decimalen met een komma in een puntkommabestand (7,7), met een punt in een kommabestand (7.7). Geen punten voor duizendtallen.</li>
            </ul>
          </details>
          <form
            className="utrecht-form"
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void go(true);
            }}
            aria-labelledby="importeren-kop"
          >
            <div className={`utrecht-form-field form-field${fileError ? ' form-field--invalid' : ''}`}>
              <label className="utrecht-form-label" htmlFor="veld-bestand">
                CSV-bestand
              </label>
              <div className="utrecht-form-field-description" id="veld-bestand-hint">
                Hoogstens 10 MB.
              </div>
              {fileError && (
                <div className="utrecht-form-field-error-message" id="veld-bestand-fout" role="alert">
                  {fileError}
                </div>
              )}
              <input
                id="veld-bestand"
                type="file"
                accept=".csv,text/csv"
                className="file-input"
                aria-describedby={`veld-bestand-hint${fileError ? ' veld-bestand-fout' : ''}`}
                aria-invalid={fileError ? true : undefined}
                onChange={(e) => {
                  const chosen = e.target.files?.[0] ?? null;
                  setOutcome(null);
                  if (chosen && chosen.size > MAX_BYTES) {
                    setFile(null);
                    setFileError('Dit bestand is groter dan 10 MB. Splits het in kleinere bestanden.');
                  } else {
                    setFile(chosen);
                    setFileError(null);
                  }
                }}
              />
            </div>
            <div className="form-buttons">
              <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={run.isPending}>
                {run.isPending && run.variables?.dryRun ? 'Bezig met controleren…' : 'Bestand controleren'}
              </button>
            </div>
          </form>
          <div tabIndex={-1} ref={result} className="import-result">
            {outcome && <OutcomeView outcome={outcome} busy={run.isPending} onImport={() => void go(false)} base={tenant.base} />}
          </div>
        </section>
      }
      <ExportSection />
    </Page>
  );
}

function counts(r: ImportReport) {
  return `${r.rows} ${r.rows === 1 ? 'regel' : 'regels'}: ${r.created} nieuw, ${r.updated} gewijzigd, ${r.unchanged} ongewijzigd${
    r.skipped ? `, ${r.skipped} overgeslagen` : ''
  }`;
}

function OutcomeView({ outcome, busy, onImport, base }: { outcome: Outcome; busy: boolean; onImport: () => void; base: string }) {
  switch (outcome.kind) {
    case 'checked':
      return (
        <Alert type="info" title={`Controle van ${outcome.fileName}: geen fouten`}>
          <p className="utrecht-paragraph">
            Bij importeren: {counts(outcome.report)}. Er is nog niets opgeslagen.
          </p>
          {outcome.report.created + outcome.report.updated === 0 ? (
            <p className="utrecht-paragraph">Dit bestand verandert niets: alle cijfers staan er al.</p>
          ) : (
            <button type="button" className="utrecht-button utrecht-button--primary-action" disabled={busy} onClick={onImport}>
              {busy ? 'Bezig met importeren…' : 'Importeren'}
            </button>
          )}
        </Alert>
      );
    case 'imported':
      return (
        <Alert type="ok" title={`${outcome.fileName} is geïmporteerd`}>
          <p className="utrecht-paragraph">{counts(outcome.report)}.</p>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`${base}/indicatoren`}>
              Bekijk de indicatoren
            </Link>
          </p>
        </Alert>
      );
    case 'refused':
      return (
        <Alert type="error" title={`${outcome.fileName} bevat fouten: er is niets opgeslagen`}>
          <p className="utrecht-paragraph">{outcome.message} Pas het bestand aan en kies het opnieuw.</p>
          <ScrollableTable label="Geweigerde regels">
            <caption className="utrecht-table__caption">Geweigerde regels ({outcome.rows.length})</caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">Regel</th>
                <th scope="col" className="utrecht-table__header-cell">Reden</th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {outcome.rows.map((r) => (
                <tr key={`${r.line}-${r.reason}`} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">Regel {r.line}</th>
                  <td className="utrecht-table__cell">{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </ScrollableTable>
        </Alert>
      );
    case 'error':
      return (
        <Alert type="error" title="Het bestand is niet verwerkt">
          <p className="utrecht-paragraph">{outcome.message}</p>
        </Alert>
      );
  }
}

function ExportSection() {
  const tenant = useTenant();
  const [separator, setSeparator] = useState<'comma' | 'semicolon'>('semicolon');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="downloaden-kop" className="panel">
      <h2 className="utrecht-heading-2" id="downloaden-kop">
        Cijfers downloaden
      </h2>
      <p className="utrecht-paragraph">Alle indicatoren met hun cijfers, als CSV-bestand. Dit bestand kunt u aanpassen en weer importeren.</p>
      <form
        className="utrecht-form"
        onSubmit={async (e: FormEvent) => {
          e.preventDefault();
          setBusy(true);
          setStatus(null);
          try {
            const name = await downloadMeasurements(tenant.slug, separator);
            setStatus({ ok: true, text: `${name} is gedownload.` });
          } catch (error) {
            setStatus({ ok: false, text: error instanceof ApiError ? error.message : 'Downloaden lukte niet.' });
          } finally {
            setBusy(false);
          }
        }}
        aria-labelledby="downloaden-kop"
      >
        <SelectField
          name="separator"
          label="Soort bestand"
          plain
          value={separator}
          onChange={(v) => setSeparator(v as 'comma' | 'semicolon')}
          options={[
            { value: 'semicolon', label: 'Voor Nederlandse Excel (puntkomma, decimale komma)' },
            { value: 'comma', label: 'Standaard CSV (komma, decimale punt)' },
          ]}
        />
        <div className="form-buttons">
          <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
            {busy ? 'Bezig met downloaden…' : 'Cijfers downloaden'}
          </button>
        </div>
      </form>
      <p role="status" className={status && !status.ok ? 'utrecht-form-field-error-message' : 'utrecht-paragraph'}>
        {status?.text}
      </p>
    </section>
  );
}
