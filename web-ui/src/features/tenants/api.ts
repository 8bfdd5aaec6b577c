import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { unwrap } from '../../lib/problem';
import { fetchAllPages } from '../../lib/paging';

/** Query keys start with the cooperation: switching cooperation never shows the other's data. */
export const tenantKey = (slug: string, ...rest: unknown[]) => ['tenant', slug, ...rest];

export function useMunicipalities(slug: string) {
  return useQuery({
    queryKey: tenantKey(slug, 'municipalities'),
    queryFn: () =>
      fetchAllPages((page, pageSize) =>
        unwrap(
          api.GET('/tenants/{tenant}/municipalities', {
            params: { path: { tenant: slug }, query: { page, pageSize } },
          }),
        ),
      ),
    staleTime: 5 * 60_000,
  });
}

/** The name of an area: a municipality, or the whole cooperation when `id` is empty. */
export function areaName(
  municipalities: { id: string; name: string }[] | undefined,
  id: string | null | undefined,
): string {
  if (!id) return 'Het hele samenwerkingsverband';
  return municipalities?.find((m) => m.id === id)?.name ?? 'Onbekende gemeente';
}
