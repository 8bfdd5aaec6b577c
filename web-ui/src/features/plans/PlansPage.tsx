import { Link } from 'react-router';
import { Page } from '../../components/Page';
import { QueryView } from '../../components/QueryView';
import { formatDate } from '../../lib/format';
import { label, planKindLabels, planStatusLabels } from '../../lib/labels';
import { useTenant } from '../tenants/TenantContext';
import { usePlans } from './api';
import { ScrollableTable } from '../../components/ScrollableTable';

export function PlansPage() {
  const tenant = useTenant();
  const plans = usePlans(tenant.slug);
  return (
    <Page
      title="Plannen"
      breadcrumbs={[{ label: tenant.name, to: tenant.base }, { label: 'Plannen' }]}
      actions={
        tenant.can.editPlans && (
          <Link className="utrecht-button-link utrecht-button-link--primary-action" to={`${tenant.base}/plannen/nieuw`}>
            Nieuw plan
          </Link>
        )
      }
    >
      <QueryView query={plans} what="de plannen">
        {(items) =>
          items.length === 0 ? (
            <p className="utrecht-paragraph">Er is nog geen plan ingevoerd.</p>
          ) : (
            <ScrollableTable label="Plannen">
              <caption className="utrecht-table__caption">Plannen van {tenant.name}, nieuwste eerst</caption>
              <thead className="utrecht-table__header">
                <tr className="utrecht-table__row">
                  <th scope="col" className="utrecht-table__header-cell">Plan</th>
                  <th scope="col" className="utrecht-table__header-cell">Soort</th>
                  <th scope="col" className="utrecht-table__header-cell">Looptijd</th>
                  <th scope="col" className="utrecht-table__header-cell">Status</th>
                </tr>
              </thead>
              <tbody className="utrecht-table__body">
                {items.map((p) => (
                  <tr key={p.id} className="utrecht-table__row">
                    <th scope="row" className="utrecht-table__header-cell">
                      <Link className="utrecht-link" to={`${tenant.base}/plannen/${p.id}`}>
                        {p.title}
                      </Link>
                    </th>
                    <td className="utrecht-table__cell">{label(planKindLabels, p.kind)}</td>
                    <td className="utrecht-table__cell">
                      {p.startYear}–{p.endYear}
                    </td>
                    <td className="utrecht-table__cell">
                      {label(planStatusLabels, p.status)}
                      {p.adoptedOn ? ` op ${formatDate(p.adoptedOn)}` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollableTable>
          )
        }
      </QueryView>
    </Page>
  );
}
