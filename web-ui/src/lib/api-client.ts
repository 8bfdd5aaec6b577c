import createClient from 'openapi-fetch';
import type { paths } from '../api/schema';
import { accessTokenStale, currentAccessToken, hasSession, refreshSession } from './session';

/**
 * Fetch with the session: adds the access token, refreshes it shortly before it runs out, and
 * once more after a 401 (the token may have been revoked or the clock may differ).
 */
export async function sessionFetch(input: Request): Promise<Response> {
  if (hasSession() && accessTokenStale()) await refreshSession();
  const retry = input.clone();
  const first = await fetch(withToken(input));
  if (first.status !== 401 || !hasSession()) return first;
  if (!(await refreshSession())) return first;
  return fetch(withToken(retry));
}

function withToken(request: Request): Request {
  const token = currentAccessToken();
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

export const api = createClient<paths>({
  baseUrl: '/api/v1',
  fetch: sessionFetch,
});
