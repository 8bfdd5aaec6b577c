import type { ReactNode } from 'react';
import { ApiError } from '../lib/problem';

/** A short "bezig" line that screen readers announce politely. */
export function Loading({ what = 'gegevens' }: { what?: string }) {
  return (
    <p role="status" className="utrecht-paragraph loading">
      <span className="spinner" aria-hidden="true" /> Bezig met laden van {what}…
    </p>
  );
}

type AlertType = 'info' | 'ok' | 'warning' | 'error';

export function Alert({
  type = 'info',
  title,
  children,
  role,
}: {
  type?: AlertType;
  title?: string;
  children?: ReactNode;
  role?: 'alert' | 'status';
}) {
  return (
    <div className={`utrecht-alert utrecht-alert--${type} alert alert--${type}`} role={role}>
      <div className="utrecht-alert__content">
        {title && <p className="utrecht-alert__heading alert__title">{title}</p>}
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

/** A failed fetch: what went wrong in Dutch, and a way to try again. */
export function ErrorMessage({ error, retry }: { error: unknown; retry?: () => void }) {
  const message =
    error instanceof ApiError
      ? error.message
      : 'Er ging iets mis bij het laden. Probeer het opnieuw.';
  return (
    <Alert type="error" title="Dit kon niet worden geladen" role="alert">
      <p className="utrecht-paragraph">{message}</p>
      {retry && (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={retry}>
          Opnieuw proberen
        </button>
      )}
    </Alert>
  );
}
