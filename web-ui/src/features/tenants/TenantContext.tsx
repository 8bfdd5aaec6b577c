import { createContext, useContext, type ReactNode } from 'react';
import { Outlet, useLocation, useParams } from 'react-router';
import { useMe } from '../auth/SessionProvider';
import { permissionsFor, type Grant, type Permissions } from '../../lib/permissions';
import { NotFoundPage } from '../pages/NotFoundPage';

export interface Tenant {
  slug: string;
  name: string;
  grants: Grant[];
  can: Permissions;
  /** Base path of the cooperation's pages. */
  base: string;
}

const TenantContext = createContext<Tenant | null>(null);

/**
 * The cooperation of the page's address. A cooperation the user is not a member of looks exactly
 * like an unknown page, as the API answers 404 for both.
 */
export function TenantRoute() {
  const { slug = '' } = useParams();
  const me = useMe();
  const { pathname } = useLocation();
  const memberships = me.memberships.filter((m) => m.tenant === slug);
  if (memberships.length === 0) return <NotFoundPage />;
  const grants = memberships.map((m) => ({ role: m.role, municipalityId: m.municipalityId ?? null }));
  const tenant: Tenant = {
    slug,
    name: memberships[0]!.tenantName,
    grants,
    can: permissionsFor(grants),
    base: `/samenwerkingsverbanden/${slug}`,
  };
  return (
    <TenantProvider tenant={tenant}>
      {/* A new page per address: filters of one cooperation never carry over to another, and
          focus moves to the new page's heading. */}
      <Outlet key={pathname} />
    </TenantProvider>
  );
}

export function TenantProvider({ tenant, children }: { tenant: Tenant; children: ReactNode }) {
  return <TenantContext.Provider value={tenant}>{children}</TenantContext.Provider>;
}

export function useTenant(): Tenant {
  const tenant = useContext(TenantContext);
  if (!tenant) throw new Error('useTenant outside a cooperation route');
  return tenant;
}
