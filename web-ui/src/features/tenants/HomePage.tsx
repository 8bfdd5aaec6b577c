import { Link, Navigate } from 'react-router';
import { Page } from '../../components/Page';
import { useMe } from '../auth/SessionProvider';
import { label, roleLabels } from '../../lib/labels';

/** `/`: straight to the one cooperation, a chooser for several, the tenants list for a platform admin. */
export function HomePage() {
  const me = useMe();
  const tenants = [...new Map(me.memberships.map((m) => [m.tenant, m])).values()];
  if (tenants.length === 1 && !me.isPlatformAdmin) {
    return <Navigate to={`/samenwerkingsverbanden/${tenants[0]!.tenant}`} replace />;
  }
  if (tenants.length === 0 && me.isPlatformAdmin) {
    return <Navigate to="/beheer/samenwerkingsverbanden" replace />;
  }
  return (
    <Page title="Kies een samenwerkingsverband">
      {tenants.length === 0 ? (
        <p className="utrecht-paragraph">
          U hoort nog bij geen enkel samenwerkingsverband. Vraag de beheerder van uw samenwerkingsverband om u toe te
          voegen.
        </p>
      ) : (
        <ul className="card-list">
          {tenants.map((m) => (
            <li key={m.tenant} className="card">
              <Link className="utrecht-link card__title" to={`/samenwerkingsverbanden/${m.tenant}`}>
                {m.tenantName}
              </Link>
              <p className="utrecht-paragraph">
                Uw rol:{' '}
                {[...new Set(me.memberships.filter((x) => x.tenant === m.tenant).map((x) => label(roleLabels, x.role)))].join(', ')}
              </p>
            </li>
          ))}
        </ul>
      )}
      {me.isPlatformAdmin && (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/beheer/samenwerkingsverbanden">
            Alle samenwerkingsverbanden beheren
          </Link>
        </p>
      )}
    </Page>
  );
}
