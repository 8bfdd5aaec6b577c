// What a user was typing, kept in memory while they sign in again after their session ran out.
// Memory only (never localStorage): it survives in-app navigation to /inloggen and back, and is gone
// when the tab closes.

import { useCallback, useState } from 'react';

const drafts = new Map<string, unknown>();
let owner: string | null = null;

/** The drafts are this user's: another user signing in on the tab starts without them. */
export function claimDrafts(userId: string) {
  if (owner !== null && owner !== userId) drafts.clear();
  owner = userId;
}

export function useDraft<T>(key: string, initial: () => T): [T, (next: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => (drafts.has(key) ? (drafts.get(key) as T) : initial()));
  const set = useCallback(
    (next: T) => {
      drafts.set(key, next);
      setValue(next);
    },
    [key],
  );
  const discard = useCallback(() => {
    drafts.delete(key);
  }, [key]);
  return [value, set, discard];
}

export function forgetAllDrafts() {
  drafts.clear();
  owner = null;
}
