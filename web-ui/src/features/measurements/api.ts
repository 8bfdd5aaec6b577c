import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sessionFetch } from '../../lib/api-client';
import { networkError, toApiError } from '../../lib/problem';
import type { ImportReport } from '../../api/types';
import { invalidateMonitoring } from '../priorities/api';

/** Sends a CSV file as it is (the API reads comma and semicolon files); `dryRun` writes nothing. */
async function importCsv(slug: string, file: File, dryRun: boolean): Promise<ImportReport> {
  const url = `/api/v1/tenants/${encodeURIComponent(slug)}/measurement-imports?dryRun=${dryRun}`;
  let response: Response;
  try {
    response = await sessionFetch(
      new Request(url, { method: 'POST', headers: { 'Content-Type': 'text/csv', Accept: 'application/json' }, body: file }),
    );
  } catch {
    throw networkError();
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw toApiError(response.status, body);
  return body as ImportReport;
}

export function useImportMeasurements(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => importCsv(slug, file, dryRun),
    onSuccess: (report) => {
      if (!report.dryRun) return invalidateMonitoring(client, slug);
    },
  });
}

/** Downloads the figures with the session (a bare link would carry no access token). */
export async function downloadMeasurements(slug: string, separator: 'comma' | 'semicolon') {
  const url = `/api/v1/tenants/${encodeURIComponent(slug)}/measurement-exports?separator=${separator}`;
  let response: Response;
  try {
    response = await sessionFetch(new Request(url, { headers: { Accept: 'text/csv' } }));
  } catch {
    throw networkError();
  }
  if (!response.ok) throw toApiError(response.status, await response.json().catch(() => null));
  const blob = await response.blob();
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? `metingen-${slug}.csv`;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}
