import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { unwrap } from '../../lib/problem';
import { fetchAllPages } from '../../lib/paging';
import type { IndicatorRequest, MeasurementRequest } from '../../api/types';
import { tenantKey } from '../tenants/api';
import { invalidateMonitoring } from '../priorities/api';

export interface IndicatorFilter {
  planId?: string;
  priorityId?: string;
  name?: string;
}

export function useIndicators(slug: string, filter: IndicatorFilter = {}) {
  return useQuery({
    queryKey: tenantKey(slug, 'indicators', filter),
    queryFn: () =>
      fetchAllPages((page, pageSize) =>
        unwrap(
          api.GET('/tenants/{tenant}/indicators', {
            params: { path: { tenant: slug }, query: { ...filter, page, pageSize } },
          }),
        ),
      ),
  });
}

export function useIndicator(slug: string, indicatorId: string) {
  return useQuery({
    queryKey: tenantKey(slug, 'indicators', indicatorId),
    enabled: indicatorId !== '',
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{tenant}/indicators/{indicatorId}', { params: { path: { tenant: slug, indicatorId } } }),
      ),
  });
}

export function useMeasurements(slug: string, indicatorId: string) {
  return useQuery({
    queryKey: tenantKey(slug, 'indicators', indicatorId, 'measurements'),
    queryFn: () =>
      fetchAllPages((page, pageSize) =>
        unwrap(
          api.GET('/tenants/{tenant}/indicators/{indicatorId}/measurements', {
            params: { path: { tenant: slug, indicatorId }, query: { page, pageSize } },
          }),
        ),
      ),
  });
}

export function useMeasurementDetail(slug: string, indicatorId: string, measurementId: string | null) {
  return useQuery({
    queryKey: tenantKey(slug, 'indicators', indicatorId, 'measurements', measurementId),
    enabled: measurementId !== null,
    queryFn: () =>
      unwrap(
        api.GET('/tenants/{tenant}/indicators/{indicatorId}/measurements/{measurementId}', {
          params: { path: { tenant: slug, indicatorId, measurementId: measurementId! } },
        }),
      ),
  });
}

export function useRecordMeasurement(slug: string, indicatorId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MeasurementRequest) =>
      unwrap(
        api.POST('/tenants/{tenant}/indicators/{indicatorId}/measurements', {
          params: { path: { tenant: slug, indicatorId } },
          body,
        }),
      ),
    onSuccess: () => invalidateMonitoring(client, slug),
  });
}

export function useSaveIndicator(slug: string, indicatorId?: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorRequest) =>
      indicatorId
        ? unwrap(
            api.PUT('/tenants/{tenant}/indicators/{indicatorId}', {
              params: { path: { tenant: slug, indicatorId } },
              body,
            }),
          )
        : unwrap(api.POST('/tenants/{tenant}/indicators', { params: { path: { tenant: slug } }, body })),
    onSuccess: () => invalidateMonitoring(client, slug),
  });
}

export function useDeleteIndicator(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (indicatorId: string) =>
      unwrap(
        api.DELETE('/tenants/{tenant}/indicators/{indicatorId}', { params: { path: { tenant: slug, indicatorId } } }),
      ),
    onSuccess: () => invalidateMonitoring(client, slug),
  });
}
