import { type Principal, StaffRole, requireRole } from '@suara/identity';

/**
 * Who may do what with training. Planners (BKPSDM) plan for every city, as they
 * read every city's gaps; admins may do all a planner does, and alone change
 * an agency's count of civil servants, which is reference data.
 */
export const TrainingPolicy = {
  plan: (principal: Principal | undefined, what: string) =>
    requireRole(principal, what, StaffRole.PLANNER, StaffRole.ADMIN),
  read: (principal: Principal | undefined, what: string) =>
    requireRole(principal, what, StaffRole.PLANNER, StaffRole.ADMIN),
  setWorkforce: (principal: Principal | undefined) =>
    requireRole(principal, 'mengubah jumlah ASN instansi', StaffRole.ADMIN),
};
