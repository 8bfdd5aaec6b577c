import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../lib/problem';

/**
 * A delete button that asks first, in place (no pop-up): "Weet u zeker…?" with the consequence, then
 * the API's answer if it refuses (a plan with priorities, an indicator with figures).
 */
export function ConfirmDelete({
  what,
  consequence,
  onConfirm,
}: {
  /** "dit plan", "deze prioriteit". */
  what: string;
  consequence?: string;
  onConfirm: () => Promise<unknown>;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const question = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    // Into the question when it opens; back to the button when it is cancelled.
    if (asking) question.current?.focus();
    else if (wasAsking.current) button.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" ref={button} className="utrecht-button utrecht-button--secondary-action danger-button" onClick={() => setAsking(true)}>
        Verwijderen
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby="verwijder-vraag" tabIndex={-1} ref={question}>
      <p className="utrecht-paragraph" id="verwijder-vraag">
        <strong>Weet u zeker dat u {what} wilt verwijderen?</strong> {consequence}
      </p>
      {error && (
        <p className="utrecht-form-field-error-message" role="alert">
          {error}
        </p>
      )}
      <div className="form-buttons">
        <button
          type="button"
          className="utrecht-button utrecht-button--primary-action danger-button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(null);
            try {
              await onConfirm();
            } catch (e) {
              setError(e instanceof ApiError ? e.message : 'Verwijderen lukte niet. Probeer het opnieuw.');
              setBusy(false);
            }
          }}
        >
          Ja, verwijderen
        </button>
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => setAsking(false)}>
          Annuleren
        </button>
      </div>
    </div>
  );
}
