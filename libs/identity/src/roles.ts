export enum StaffRole {
  AGENCY_STAFF = 'AGENCY_STAFF',
  COORDINATOR = 'COORDINATOR',
  PLANNER = 'PLANNER',
  ADMIN = 'ADMIN',
}

/**
 * Who is acting, as every service method receives it: a signed-in staff member,
 * with the agency or city their role is bound to.
 */
export interface Principal {
  userId: string;
  email: string;
  role: StaffRole;
  /** For AGENCY_STAFF. */
  agencyCode?: string;
  /** For COORDINATOR, and for AGENCY_STAFF the city of their agency. */
  cityCode?: string;
}
