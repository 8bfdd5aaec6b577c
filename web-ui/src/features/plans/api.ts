import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { unwrap } from '../../lib/problem';
import { fetchAllPages } from '../../lib/paging';
import type { PlanRequest } from '../../api/types';
import { tenantKey } from '../tenants/api';

export function usePlans(slug: string) {
  return useQuery({
    queryKey: tenantKey(slug, 'plans'),
    queryFn: () =>
      fetchAllPages((page, pageSize) =>
        unwrap(api.GET('/tenants/{tenant}/plans', { params: { path: { tenant: slug }, query: { page, pageSize } } })),
      ),
  });
}

export function usePlan(slug: string, planId: string) {
  return useQuery({
    queryKey: tenantKey(slug, 'plans', planId),
    enabled: planId !== '',
    queryFn: () => unwrap(api.GET('/tenants/{tenant}/plans/{planId}', { params: { path: { tenant: slug, planId } } })),
  });
}

export function useSavePlan(slug: string, planId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanRequest) =>
      planId
        ? unwrap(api.PUT('/tenants/{tenant}/plans/{planId}', { params: { path: { tenant: slug, planId } }, body }))
        : unwrap(api.POST('/tenants/{tenant}/plans', { params: { path: { tenant: slug } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: tenantKey(slug, 'plans') }),
  });
}

export function useDeletePlan(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) =>
      unwrap(api.DELETE('/tenants/{tenant}/plans/{planId}', { params: { path: { tenant: slug, planId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: tenantKey(slug, 'plans') }),
  });
}
