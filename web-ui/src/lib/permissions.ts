// What the signed-in user may do in one cooperation, as the API decides it (api/src/authz.rs).
// The UI hides what is not allowed; the API stays the authority and answers 403 otherwise.

export interface Grant {
  role: string;
  municipalityId?: string | null;
}

export interface Permissions {
  editPlans: boolean;
  /** List and manage the cooperation's users (and so choose an owner from them). */
  manageUsers: boolean;
  /** Edit a priority of this municipality (`null`: cooperation-wide). */
  editPriority: (municipalityId: string | null | undefined) => boolean;
  /** Enter a figure for this area (`null`: the whole cooperation). */
  enterMeasurement: (municipalityId: string | null | undefined) => boolean;
  /** Whether the user may enter figures for at least one area. */
  entersAnyMeasurement: boolean;
  /** The one municipality a scoped coordinator works for, if so. */
  scopedTo: string | null;
}

function scopedEdit(grants: Grant[], municipalityId: string | null | undefined): boolean {
  return grants.some(
    (g) =>
      g.role === 'tenant_admin' ||
      (g.role === 'coordinator' &&
        (!g.municipalityId || (municipalityId != null && g.municipalityId === municipalityId))),
  );
}

export function permissionsFor(grants: Grant[]): Permissions {
  const wide = grants.some(
    (g) => g.role === 'tenant_admin' || (g.role === 'coordinator' && !g.municipalityId),
  );
  const scoped = grants.find((g) => g.role === 'coordinator' && g.municipalityId);
  return {
    editPlans: wide,
    manageUsers: grants.some((g) => g.role === 'tenant_admin'),
    editPriority: (m) => scopedEdit(grants, m),
    enterMeasurement: (m) => scopedEdit(grants, m),
    entersAnyMeasurement: wide || scoped !== undefined,
    scopedTo: wide ? null : (scoped?.municipalityId ?? null),
  };
}
