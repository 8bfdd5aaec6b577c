// What a user was typing, kept in memory while they sign in again after their session ran out.
// Memory only (never localStorage): it survives in-app navigation to /inloggen and back, and is gone
// when the tab closes.

import { useCallback, useState } from 'react';

const drafts = new Map<string, unknown>();

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
}
