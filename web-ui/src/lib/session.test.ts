import { accessTokenStale, clearSession, currentAccessToken, onSessionExpired, refreshSession, signIn, SignInError, signOut } from './session';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('the browser session', () => {
  beforeEach(() => clearSession());

  it('signs in with the client header, keeps the access token in memory only', async () => {
    const fetchMock = vi.fn(async (_url: RequestInfo | URL, _init?: RequestInit) => json(200, { accessToken: 'A1', tokenType: 'Bearer', expiresIn: 900 }));
    await signIn('a@b.example', 'geheim', fetchMock as unknown as typeof fetch);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/auth/login');
    expect((init!.headers as Record<string, string>)['X-Client']).toBe('web');
    expect(init!.credentials).toBe('same-origin');
    expect(currentAccessToken()).toBe('A1');
    expect(accessTokenStale()).toBe(false);
    expect(accessTokenStale(Date.now() + 880_000)).toBe(true);
  });

  it('turns a lockout into a Dutch sentence with the wait', async () => {
    const fetchMock = vi.fn(async () => json(429, { code: 'too_many_attempts', detail: 'Te veel mislukte pogingen.' }, { 'Retry-After': '300' }));
    const error = await signIn('a@b.example', 'x', fetchMock as unknown as typeof fetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).message).toBe('Te veel mislukte pogingen.');
    expect((error as SignInError).retryAfterSeconds).toBe(300);
    expect(currentAccessToken()).toBeNull();
  });

  it('shares one refresh between callers that ask at once (the cookie rotates)', async () => {
    let calls = 0;
    const fetchMock = vi.fn(async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 5));
      return json(200, { accessToken: `R${calls}`, tokenType: 'Bearer', expiresIn: 900 });
    });
    const [a, b] = await Promise.all([
      refreshSession(fetchMock as unknown as typeof fetch),
      refreshSession(fetchMock as unknown as typeof fetch),
    ]);
    expect(a && b).toBe(true);
    expect(calls).toBe(1);
    expect(currentAccessToken()).toBe('R1');
  });

  it('tells listeners once a refused refresh ends a session, and not when there was none', async () => {
    const expired = vi.fn();
    const stop = onSessionExpired(expired);
    const refuse = vi.fn(async () => json(401, { code: 'invalid_refresh_token' }));
    expect(await refreshSession(refuse as unknown as typeof fetch)).toBe(false);
    expect(expired).not.toHaveBeenCalled();
    await signIn('a@b.example', 'x', (async () => json(200, { accessToken: 'A', tokenType: 'Bearer', expiresIn: 900 })) as unknown as typeof fetch);
    expect(await refreshSession(refuse as unknown as typeof fetch)).toBe(false);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(currentAccessToken()).toBeNull();
    stop();
  });

  it('keeps the session when the server is busy (a 503 during a deploy is not a signed-out user)', async () => {
    await signIn('a@b.example', 'x', (async () => json(200, { accessToken: 'A', tokenType: 'Bearer', expiresIn: 900 })) as unknown as typeof fetch);
    const expired = vi.fn();
    const stop = onSessionExpired(expired);
    expect(await refreshSession((async () => json(503, { code: 'unavailable' })) as unknown as typeof fetch)).toBe(false);
    expect(expired).not.toHaveBeenCalled();
    expect(currentAccessToken()).toBe('A');
    stop();
  });

  it('keeps the session when the server cannot be reached (offline is not signed out)', async () => {
    await signIn('a@b.example', 'x', (async () => json(200, { accessToken: 'A', tokenType: 'Bearer', expiresIn: 900 })) as unknown as typeof fetch);
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await refreshSession(offline as unknown as typeof fetch)).toBe(false);
    expect(currentAccessToken()).toBe('A');
  });

  it('signs out through the API and forgets the token even when that fails', async () => {
    await signIn('a@b.example', 'x', (async () => json(200, { accessToken: 'A', tokenType: 'Bearer', expiresIn: 900 })) as unknown as typeof fetch);
    const failing = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await signOut(failing as unknown as typeof fetch)).toBe(false);
    expect(currentAccessToken()).toBeNull();
  });
});
