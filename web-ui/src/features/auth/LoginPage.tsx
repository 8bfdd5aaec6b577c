import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Page } from '../../components/Page';
import { Alert } from '../../components/Feedback';
import { TextField, ValidatedForm, useFormErrors } from '../../components/form';
import { SignInError } from '../../lib/session';
import { useSession } from './SessionProvider';

/** Only a path inside this app: never an address elsewhere (`//evil.example`, `https://…`). */
export function safeReturnPath(terug: string | null): string {
  if (!terug || !terug.startsWith('/') || terug.startsWith('//') || terug.startsWith('/\\')) return '/';
  if (terug.startsWith('/inloggen')) return '/';
  return terug;
}

const labels = { email: 'E-mailadres', password: 'Wachtwoord' };

export function LoginPage() {
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const { fieldErrors, formError, focusKey, fail, failWith, clear } = useFormErrors();
  const terug = safeReturnPath(params.get('terug'));

  if (state.status === 'signed-in' && !busy) return <Navigate to={terug} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = 'Vul uw e-mailadres in.';
    else if (!email.includes('@')) errors.email = 'Vul een e-mailadres in zoals naam@gemeente.nl.';
    if (!password) errors.password = 'Vul uw wachtwoord in.';
    if (Object.keys(errors).length > 0) {
      fail(errors);
      return;
    }
    clear();
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      navigate(terug, { replace: true });
    } catch (error) {
      setPassword('');
      if (error instanceof SignInError) {
        const wait =
          error.retryAfterSeconds !== undefined
            ? ` U kunt het over ${Math.max(1, Math.ceil(error.retryAfterSeconds / 60))} ${
                Math.ceil(error.retryAfterSeconds / 60) === 1 ? 'minuut' : 'minuten'
              } opnieuw proberen.`
            : '';
        failWith(error.message + wait);
      } else {
        failWith('Inloggen lukt nu niet: er is geen verbinding met het platform. Probeer het later opnieuw.');
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="narrow">
      <Page title="Inloggen">
        {params.get('verlopen') && (
          <Alert type="warning" role="status">
            <p className="utrecht-paragraph">
              Uw sessie is verlopen. Log opnieuw in; daarna gaat u terug naar de pagina waar u was, met wat u
              aan het invullen was.
            </p>
          </Alert>
        )}
        {params.get('afgemeld') === '1' && (
          <Alert type="ok" role="status">
            <p className="utrecht-paragraph">U bent afgemeld.</p>
          </Alert>
        )}
        {params.get('afgemeld') === 'onbevestigd' && (
          <Alert type="warning" role="status">
            <p className="utrecht-paragraph">
              U bent afgemeld in dit venster, maar het platform kon dat niet bevestigen (geen verbinding). Sluit de browser als
              u op een gedeelde computer werkt.
            </p>
          </Alert>
        )}
        <ValidatedForm errors={{ fieldErrors, formError, focusKey }} labels={labels} onSubmit={submit} label="Inloggen">
          <TextField
            name="email"
            label="E-mailadres"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={setEmail}
            error={fieldErrors.email}
          />
          <TextField
            name="password"
            label="Wachtwoord"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={setPassword}
            error={fieldErrors.password}
          />
          <div className="form-buttons">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy} aria-disabled={busy}>
              {busy ? 'Bezig met inloggen…' : 'Inloggen'}
            </button>
          </div>
        </ValidatedForm>
        <p className="utrecht-paragraph hint">
          Wachtwoord vergeten of geen account? Vraag het aan de beheerder van uw samenwerkingsverband.
        </p>
      </Page>
    </div>
  );
}
