import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../lib/problem';
import { ErrorMessage, Loading } from './Feedback';
import { NotFoundPage } from '../features/pages/NotFoundPage';

/** Loading, error (a 404 is the "niet gevonden" page) or the data of one query. */
export function QueryView<T>({
  query,
  what,
  children,
}: {
  query: UseQueryResult<T>;
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading what={what} />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.notFound) return <NotFoundPage />;
    return <ErrorMessage error={query.error} retry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
