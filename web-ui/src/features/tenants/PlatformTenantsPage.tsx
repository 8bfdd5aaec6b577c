import { useQuery } from '@tanstack/react-query';
import { Page } from '../../components/Page';
import { ErrorMessage, Loading } from '../../components/Feedback';
import { api } from '../../lib/api-client';
import { unwrap } from '../../lib/problem';
import { formatDate } from '../../lib/format';
import { useMe } from '../auth/SessionProvider';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ScrollableTable } from '../../components/ScrollableTable';

const statusLabels: Record<string, string> = { active: 'Actief', suspended: 'Geschorst' };

/** The platform admin's list of cooperations (read-only in this release). */
export function PlatformTenantsPage() {
  const me = useMe();
  const tenants = useQuery({
    queryKey: ['platform', 'tenants'],
    queryFn: () => unwrap(api.GET('/tenants')),
    enabled: me.isPlatformAdmin,
  });
  if (!me.isPlatformAdmin) return <NotFoundPage />;
  return (
    <Page
      title="Samenwerkingsverbanden"
      breadcrumbs={[{ label: 'Start', to: '/' }, { label: 'Samenwerkingsverbanden' }]}
      lead={
        <p className="utrecht-paragraph">
          Als platformbeheerder ziet u welke samenwerkingsverbanden er zijn. Hun gegevens kunt u niet inzien.
        </p>
      }
    >
      {tenants.isPending ? (
        <Loading what="samenwerkingsverbanden" />
      ) : tenants.isError ? (
        <ErrorMessage error={tenants.error} retry={() => void tenants.refetch()} />
      ) : (
        <ScrollableTable label="Samenwerkingsverbanden">
          <caption className="utrecht-table__caption">{tenants.data.items.length} samenwerkingsverbanden</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">Naam</th>
              <th scope="col" className="utrecht-table__header-cell">Kenmerk</th>
              <th scope="col" className="utrecht-table__header-cell">Status</th>
              <th scope="col" className="utrecht-table__header-cell">Aangemaakt</th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {tenants.data.items.map((t) => (
              <tr key={t.slug} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">{t.name}</th>
                <td className="utrecht-table__cell">{t.slug}</td>
                <td className="utrecht-table__cell">{statusLabels[t.status] ?? t.status}</td>
                <td className="utrecht-table__cell">{formatDate(t.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollableTable>
      )}
    </Page>
  );
}
