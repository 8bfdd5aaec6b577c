import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { unwrap } from '../../lib/problem';
import { fetchAllPages } from '../../lib/paging';
import type { ActionRequest, PriorityRequest } from '../../api/types';
import { tenantKey } from '../tenants/api';

export interface PriorityFilter {
  planId?: string;
  municipalityId?: string;
}

export function usePriorities(slug: string, filter: PriorityFilter = {}, enabled = true) {
  return useQuery({
    queryKey: tenantKey(slug, 'priorities', filter),
    enabled,
    queryFn: () =>
      fetchAllPages((page, pageSize) =>
        unwrap(
          api.GET('/tenants/{tenant}/priorities', {
            params: { path: { tenant: slug }, query: { ...filter, page, pageSize } },
          }),
        ),
      ),
  });
}

export function usePriority(slug: string, priorityId: string) {
  return useQuery({
    queryKey: tenantKey(slug, 'priorities', priorityId),
    enabled: priorityId !== '',
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{tenant}/priorities/{priorityId}', { params: { path: { tenant: slug, priorityId } } }),
      ),
  });
}

/** Anything that changes figures or priorities changes verdicts: these lists are read again. */
export function invalidateMonitoring(client: ReturnType<typeof useQueryClient>, slug: string) {
  return Promise.all([
    client.invalidateQueries({ queryKey: tenantKey(slug, 'priorities') }),
    client.invalidateQueries({ queryKey: tenantKey(slug, 'indicators') }),
    client.invalidateQueries({ queryKey: tenantKey(slug, 'actions') }),
  ]);
}

export function useSavePriority(slug: string, priorityId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PriorityRequest) =>
      priorityId
        ? unwrap(
            api.PUT('/tenants/{tenant}/priorities/{priorityId}', {
              params: { path: { tenant: slug, priorityId } },
              body,
            }),
          )
        : unwrap(api.POST('/tenants/{tenant}/priorities', { params: { path: { tenant: slug } }, body })),
    onSuccess: () => invalidateMonitoring(client, slug),
  });
}

export function useDeletePriority(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (priorityId: string) =>
      unwrap(
        api.DELETE('/tenants/{tenant}/priorities/{priorityId}', { params: { path: { tenant: slug, priorityId } } }),
      ),
    onSuccess: () => invalidateMonitoring(client, slug),
  });
}

export function useActions(slug: string, priorityId: string) {
  return useQuery({
    queryKey: tenantKey(slug, 'actions', { priorityId }),
    queryFn: () =>
      fetchAllPages((page, pageSize) =>
        unwrap(
          api.GET('/tenants/{tenant}/actions', {
            params: { path: { tenant: slug }, query: { priorityId, page, pageSize } },
          }),
        ),
      ),
  });
}

export function useAction(slug: string, actionId: string) {
  return useQuery({
    queryKey: tenantKey(slug, 'actions', actionId),
    enabled: actionId !== '',
    queryFn: () =>
      unwrap(api.GET('/tenants/{tenant}/actions/{actionId}', { params: { path: { tenant: slug, actionId } } })),
  });
}

export function useSaveAction(slug: string, actionId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionRequest) =>
      actionId
        ? unwrap(
            api.PUT('/tenants/{tenant}/actions/{actionId}', { params: { path: { tenant: slug, actionId } }, body }),
          )
        : unwrap(api.POST('/tenants/{tenant}/actions', { params: { path: { tenant: slug } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: tenantKey(slug, 'actions') }),
  });
}

export function useDeleteAction(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (actionId: string) =>
      unwrap(api.DELETE('/tenants/{tenant}/actions/{actionId}', { params: { path: { tenant: slug, actionId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: tenantKey(slug, 'actions') }),
  });
}
