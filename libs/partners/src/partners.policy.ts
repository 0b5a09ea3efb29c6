import { type Principal, StaffRole, requireRole } from '@suara/identity';

/** Who may manage partner keys: admins only, since a key lets a system file reports in any city. */
export const PartnerPolicy = {
  manageKeys: (principal: Principal | undefined) =>
    requireRole(principal, 'mengelola kunci API mitra', StaffRole.ADMIN),
};
