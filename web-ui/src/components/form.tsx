// Form fields after the NL Design System form pattern: label above, hint under the label, the error
// at its field, and an error summary at the top that links to each field.

import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type InputHTMLAttributes,
  type ReactNode,
} from 'react';
import { ApiError } from '../lib/problem';

/** The element id of the field for a request field name (`areas[0].target.value`). */
export function fieldId(name: string): string {
  return `veld-${name.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

export type FieldErrors = Record<string, string>;

interface FieldShellProps {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Filters and choices with a default: neither required nor marked "(niet verplicht)". */
  plain?: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

function FieldShell({ name, label, hint, error, required, plain, children }: FieldShellProps) {
  const id = fieldId(name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-fout` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`utrecht-form-field form-field${error ? ' utrecht-form-field--invalid form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {!required && !plain && <span className="optional"> (niet verplicht)</span>}
        </label>
      </div>
      {hint && (
        <div className="utrecht-form-field-description" id={hintId}>
          {hint}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field-error-message" id={errorId}>
          <span className="visually-hidden">Fout: </span>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children({ id, describedBy, invalid: !!error })}</div>
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'name'>;

export function TextField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  required,
  plain,
  ...rest
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  plain?: boolean;
} & InputProps) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error} required={required} plain={plain}>
      {({ id, describedBy, invalid }) => (
        <input
          {...rest}
          id={id}
          name={name}
          className={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}`}
          value={value}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  required,
  rows = 4,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  rows?: number;
}) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error} required={required}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          name={name}
          rows={rows}
          className={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
          value={value}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  required,
  plain,
  placeholder,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  options: Option[];
  required?: boolean;
  plain?: boolean;
  /** A first, empty choice such as "Kies een gemeente". */
  placeholder?: string;
}) {
  return (
    <FieldShell name={name} label={label} hint={hint} error={error} required={required} plain={plain}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          name={name}
          className={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
          value={value}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        >
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/**
 * The list of what to correct, at the top of the form. It takes focus after a failed submit so that
 * keyboard and screen-reader users start there; each line links to its field.
 */
export function ErrorSummary({
  errors,
  labels,
  focusKey,
}: {
  errors: FieldErrors;
  /** Field name → its label, so a line reads "Titel: vul dit in". */
  labels: Record<string, string>;
  /** Changes on every failed submit, so focus moves there again. */
  focusKey: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
    // Only on a new failed submit: focusKey changes then, and nothing else should move focus.
  }, [focusKey]);
  if (entries.length === 0) return null;
  return (
    <div
      className="utrecht-alert utrecht-alert--error alert alert--error error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="foutoverzicht-titel"
    >
      <h2 className="utrecht-heading-2 alert__title" id="foutoverzicht-titel">
        Er {entries.length === 1 ? 'is 1 fout' : `zijn ${entries.length} fouten`} gevonden
      </h2>
      <ul className="utrecht-unordered-list">
        {entries.map(([name, message]) => (
          <li key={name}>
            <a
              className="utrecht-link"
              href={`#${fieldId(name)}`}
              onClick={(e) => {
                const target = document.getElementById(fieldId(name));
                if (target) {
                  e.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: 'center' });
                }
              }}
            >
              {labelFor(name, labels)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The label of a field, or of its closest known parent (`areas[0].target.value` → "areas[0]"). */
export function labelFor(name: string, labels: Record<string, string>): string {
  let n = name;
  for (;;) {
    const found = labels[n];
    if (found) return found;
    const cut = Math.max(n.lastIndexOf('.'), n.lastIndexOf('['));
    if (cut <= 0) return name;
    n = n.slice(0, cut);
  }
}

/**
 * Errors of one form: from the user's own checks or from the API's `invalidParams`. A problem
 * without field errors becomes a message for the whole form.
 */
export function useFormErrors() {
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusKey, setFocusKey] = useState(0);

  const fail = useCallback((errors: FieldErrors) => {
    setFieldErrors(errors);
    setFormError(null);
    setFocusKey((k) => k + 1);
  }, []);

  const failWith = useCallback((error: unknown) => {
    if (typeof error === 'string') {
      setFieldErrors({});
      setFormError(error);
    } else if (error instanceof ApiError && error.invalidParams.length > 0) {
      const errors: FieldErrors = {};
      for (const p of error.invalidParams) errors[p.name] ??= p.reason;
      setFieldErrors(errors);
      setFormError(null);
    } else {
      setFieldErrors({});
      setFormError(
        error instanceof ApiError ? error.message : 'Opslaan lukte niet. Probeer het opnieuw.',
      );
    }
    setFocusKey((k) => k + 1);
  }, []);

  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  return { fieldErrors, formError, focusKey, fail, failWith, clear };
}

/** A problem that is not about one field, shown above the form and announced. */
export function FormError({ message, focusKey }: { message: string | null; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
    // Only on a new failed submit: focusKey changes then, and nothing else should move focus.
  }, [focusKey]);
  if (!message) return null;
  return (
    <div className="utrecht-alert utrecht-alert--error alert alert--error" role="alert" tabIndex={-1} ref={ref}>
      <p className="utrecht-paragraph">{message}</p>
    </div>
  );
}

/**
 * A form with its error summary and form-wide error above it, as the NL Design System form
 * pattern has them. Named by `label` or by the heading `labelledBy` points to.
 */
export function ValidatedForm({
  errors,
  labels,
  onSubmit,
  label,
  labelledBy,
  children,
}: {
  errors: Pick<ReturnType<typeof useFormErrors>, 'fieldErrors' | 'formError' | 'focusKey'>;
  labels: Record<string, string>;
  onSubmit: (e: FormEvent) => void;
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  return (
    <>
      <ErrorSummary errors={errors.fieldErrors} labels={labels} focusKey={errors.focusKey} />
      <FormError message={errors.formError} focusKey={errors.focusKey} />
      <form className="utrecht-form" noValidate onSubmit={onSubmit} aria-label={label} aria-labelledby={labelledBy}>
        {children}
      </form>
    </>
  );
}
