import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { components } from '../../api/schema';
import { api } from '../../lib/api-client';
import { unwrap } from '../../lib/problem';
import { claimDrafts, forgetAllDrafts } from '../../lib/drafts';
import { onSessionExpired, onSignedOutElsewhere, restoreSession, signIn, signOut } from '../../lib/session';

export type Me = components['schemas']['MeResponse'];

/** The indicator page carries the charts: load it while the user reads the overview. */
function prefetchPages() {
  const later = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 500));
  later(() => {
    void import('../indicators/IndicatorPage');
    void import('../indicators/AreaChartView');
  });
}

type SessionState =
  | { status: 'restoring' }
  /** `why`: a session that ran out, or a user who signed out (RequireSession words the way back). */
  | { status: 'anonymous'; why: 'none' | 'expired' | 'signed-out' | 'signed-out-unconfirmed' }
  | { status: 'signed-in'; me: Me };

interface SessionContextValue {
  state: SessionState;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

async function loadMe(): Promise<Me> {
  return unwrap(api.GET('/me'));
}

/** Where to come back to after signing in again: the page the user was on. */
export function returnPath(location: { pathname: string; search: string; hash: string }) {
  return `${location.pathname}${location.search}${location.hash}`;
}

/**
 * The signed-in user. On start it asks for a new access token with the refresh cookie, so a reload
 * keeps the session; when a refresh is refused later, it sends the user to sign in again and
 * brings them back to where they were (what they typed stays in memory, see lib/drafts).
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'restoring' });
  const queryClient = useQueryClient();

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const restored = await restoreSession();
      if (cancelled) return;
      if (!restored) {
        setState({ status: 'anonymous', why: 'none' });
        return;
      }
      try {
        const me = await loadMe();
        claimDrafts(me.id);
        if (!cancelled) setState({ status: 'signed-in', me });
        prefetchPages();
      } catch {
        if (!cancelled) setState({ status: 'anonymous', why: 'none' });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      // RequireSession sends the user to /inloggen with the page to come back to.
      onSessionExpired(() => {
        queryClient.clear();
        setState({ status: 'anonymous', why: 'expired' });
      }),
    [queryClient],
  );

  useEffect(
    () =>
      onSignedOutElsewhere(() => {
        queryClient.clear();
        forgetAllDrafts();
        setState({ status: 'anonymous', why: 'signed-out' });
      }),
    [queryClient],
  );

  const doSignIn = useCallback(
    async (email: string, password: string) => {
      await signIn(email, password);
      // Another user may sign in on this tab: nothing of the previous one stays in the cache.
      queryClient.clear();
      const me = await loadMe();
      // What the previous user typed stays theirs.
      claimDrafts(me.id);
      setState({ status: 'signed-in', me });
      prefetchPages();
    },
    [queryClient],
  );

  const doSignOut = useCallback(async () => {
    const heard = await signOut();
    queryClient.clear();
    forgetAllDrafts();
    setState({ status: 'anonymous', why: heard ? 'signed-out' : 'signed-out-unconfirmed' });
  }, [queryClient]);

  const value = useMemo(
    () => ({ state, signIn: doSignIn, signOut: doSignOut }),
    [state, doSignIn, doSignOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only inside routes behind RequireSession. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a session');
  return state.me;
}
