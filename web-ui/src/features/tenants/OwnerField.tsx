import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { unwrap } from '../../lib/problem';
import { fetchAllPages } from '../../lib/paging';
import { SelectField } from '../../components/form';
import { useTenant } from './TenantContext';
import { tenantKey } from './api';

/**
 * The owner of a priority or action point: a user of the cooperation. Only tenant admins may list
 * the users, so others see who it is and keep it as it is.
 */
export function OwnerField({
  value,
  currentName,
  onChange,
  error,
}: {
  value: string;
  currentName: string | null | undefined;
  onChange: (id: string) => void;
  error?: string;
}) {
  const tenant = useTenant();
  const users = useQuery({
    queryKey: tenantKey(tenant.slug, 'users'),
    enabled: tenant.can.manageUsers,
    queryFn: () =>
      fetchAllPages((page, pageSize) =>
        unwrap(api.GET('/tenants/{tenant}/users', { params: { path: { tenant: tenant.slug }, query: { page, pageSize } } })),
      ),
  });
  if (!tenant.can.manageUsers) {
    return (
      <div className="utrecht-form-field form-field">
        <p className="utrecht-form-label">Eigenaar</p>
        <p className="utrecht-paragraph">
          {value ? (currentName ?? 'Vastgelegd') : 'Nog niet ingevuld'}. Een beheerder van het samenwerkingsverband kan de eigenaar
          wijzigen.
        </p>
      </div>
    );
  }
  return (
    <SelectField
      name="ownerId"
      label="Eigenaar"
      hint="Wie is hiervoor verantwoordelijk?"
      placeholder="Nog niemand"
      value={value}
      onChange={onChange}
      error={error}
      options={(users.data ?? []).filter((u) => u.isActive || u.id === value).map((u) => ({ value: u.id, label: u.displayName }))}
    />
  );
}
