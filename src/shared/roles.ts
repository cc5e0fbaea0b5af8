export const ROLES = [
  'main-admin',
  'coordinator',
  'auditor',
  'advisor',
  'expert',
  'agency-booker',
  'agency-admin',
  'point-manager',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held by an agency's own staff, which the agency admin may grant inside the agency. */
export const AGENCY_ROLES: readonly Role[] = ['expert', 'agency-booker', 'agency-admin'];
/** Roles scoped to one service point (the advisor works at a point). */
export const SERVICE_POINT_ROLES: readonly Role[] = ['advisor', 'point-manager'];
/** Roles that must use MFA outside demo mode. */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['main-admin', 'agency-admin', 'auditor'];

export type Area = 'desk' | 'expert' | 'admin' | 'reports';

/** The areas of the web app each role may open; the first role's first area is where a user lands. */
export const ROLE_AREAS: Record<Role, Area[]> = {
  'main-admin': ['admin', 'reports'],
  coordinator: ['reports'],
  auditor: ['reports'],
  advisor: ['desk'],
  // Experts also read their agency's statistics (/reports/statistics).
  expert: ['expert', 'reports'],
  'agency-booker': ['expert'],
  'agency-admin': ['admin', 'reports'],
  // The contractor's supervisor of a service point (esihenkilö): reads its agreements, later submits its time reports.
  'point-manager': ['reports'],
};

export const AREA_ORDER: Area[] = ['desk', 'expert', 'admin', 'reports'];

export function areasFor(roles: readonly Role[]): Area[] {
  const set = new Set(roles.flatMap((r) => ROLE_AREAS[r]));
  return AREA_ORDER.filter((a) => set.has(a));
}

/** Where a user lands after sign-in: the area of the role most central to their work. */
export function landingArea(roles: readonly Role[]): Area | undefined {
  const priority: Role[] = ['advisor', 'expert', 'agency-booker', 'main-admin', 'agency-admin', 'point-manager', 'coordinator', 'auditor'];
  const first = priority.find((r) => roles.includes(r));
  return first ? ROLE_AREAS[first][0] : undefined;
}
