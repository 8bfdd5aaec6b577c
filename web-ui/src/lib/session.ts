// The browser session. The access token lives only in this module's memory; the refresh token is an
// HttpOnly cookie the script never sees (path /api/v1/auth, SameSite=Strict). Every auth call carries
// the `X-Client: web` header: the API refreshes from the cookie only with it, so a cross-site form
// cannot.

export const CLIENT_HEADER = { 'X-Client': 'web' } as const;

type Listener = () => void;

let accessToken: string | null = null;
let expiresAt = 0;
let refreshing: Promise<boolean> | null = null;
const expiryListeners = new Set<Listener>();

/** A sign-in attempt that the API refused, with the Dutch sentence to show. */
export class SignInError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

export function currentAccessToken(): string | null {
  return accessToken;
}

export function hasSession(): boolean {
  return accessToken !== null;
}

function accept(body: { accessToken: string; expiresIn: number }, now: number) {
  accessToken = body.accessToken;
  expiresAt = now + body.expiresIn * 1000;
}

export function clearSession() {
  accessToken = null;
  expiresAt = 0;
}

/** Tells `listener` when a session ended by itself (the refresh cookie was refused). */
export function onSessionExpired(listener: Listener): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

function expire() {
  const had = accessToken !== null;
  clearSession();
  if (had) expiryListeners.forEach((l) => l());
}

export async function signIn(email: string, password: string, fetchImpl: typeof fetch = fetch) {
  const response = await fetchImpl('/api/v1/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...CLIENT_HEADER },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw await signInError(response);
  accept(await response.json(), Date.now());
}

async function signInError(response: Response): Promise<SignInError> {
  let detail: string | undefined;
  let code: string | undefined;
  try {
    const problem = await response.json();
    detail = typeof problem.detail === 'string' ? problem.detail : undefined;
    code = typeof problem.code === 'string' ? problem.code : undefined;
  } catch {
    // Not problem+json (a proxy's page): the status decides the sentence below.
  }
  const retry = Number(response.headers.get('Retry-After'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  const fallback =
    response.status === 429
      ? 'Te veel mislukte pogingen. Wacht even en probeer het dan opnieuw.'
      : response.status === 401
        ? 'Het e-mailadres of het wachtwoord klopt niet.'
        : 'Inloggen lukt nu niet. Probeer het later opnieuw.';
  return new SignInError(detail ?? fallback, response.status, code, retryAfter);
}

/**
 * Gets a new access token with the refresh cookie. Concurrent callers share one request: the API
 * rotates the cookie, and a second refresh with the old cookie would end the session.
 */
export function refreshSession(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  refreshing ??= withRefreshLock(async () => {
    try {
      const response = await fetchImpl('/api/v1/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', ...CLIENT_HEADER },
      });
      if (response.status === 401) {
        // The cookie is gone, expired or revoked: this session is over.
        expire();
        return false;
      }
      if (!response.ok) return false; // The server is busy or being deployed: try again later.
      accept(await response.json(), Date.now());
      return true;
    } catch {
      // Offline or the server is down: keep what we have, the next request tries again.
      return false;
    }
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Tabs share the cookie: two refreshes with the same cookie look like a stolen token to the API,
 * which then ends the session. A lock over all tabs lets one refresh at a time; the next one sends
 * the cookie the first received.
 */
function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('veiligheidsplatform-refresh', work) as Promise<T>) : work();
}

let restoring: Promise<boolean> | null = null;

/** The session of this page load, from the refresh cookie: asked once, however often called. */
export function restoreSession(): Promise<boolean> {
  restoring ??= refreshSession();
  return restoring;
}

/** Whether the access token runs out within the next 30 seconds (refresh before using it). */
export function accessTokenStale(now = Date.now()): boolean {
  return accessToken === null || now > expiresAt - 30_000;
}

/**
 * Ends the session here and in the API. Returns whether the API heard it; either way this tab
 * forgets its token and the other tabs of the platform are told to forget theirs.
 */
export async function signOut(fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchImpl('/api/v1/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: CLIENT_HEADER,
    });
    return response.ok;
  } catch {
    return false;
  } finally {
    clearSession();
    tabs()?.postMessage('signed-out');
  }
}

function tabs(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('veiligheidsplatform-sessie');
}

/** Tells `listener` when the user signed out in another tab. */
export function onSignedOutElsewhere(listener: Listener): () => void {
  const channel = tabs();
  if (!channel) return () => {};
  channel.onmessage = (e) => {
    if (e.data === 'signed-out') {
      clearSession();
      listener();
    }
  };
  return () => channel.close();
}
