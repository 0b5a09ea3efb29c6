import { IdentityErrors, type Principal, StaffRole } from '@suara/identity';

/**
 * Who may read and correct insight: planners everywhere (reading, reviewing),
 * coordinators in their city, admins. Agency staff see their own items' themes
 * through the feedback queue only.
 */
export const InsightPolicy = {
  /** The cities an actor reads clusters and gaps of: undefined means every city. */
  readScope(actor: Principal, what: string): { cityCode?: string } {
    switch (actor.role) {
      case StaffRole.PLANNER:
      case StaffRole.ADMIN:
        return {};
      case StaffRole.COORDINATOR:
        // A coordinator answers for one city; an account without one reads nothing.
        if (!actor.cityCode) throw IdentityErrors.forbidden(what);
        return { cityCode: actor.cityCode };
      default:
        throw IdentityErrors.forbidden(what);
    }
  },

  /** Review a gap, merge clusters, move an item out of one. */
  requireCurator(actor: Principal, cityCode: string, what: string): void {
    const scope = InsightPolicy.readScope(actor, what);
    if (scope.cityCode && scope.cityCode !== cityCode)
      throw IdentityErrors.forbidden(`${what} untuk kota ${cityCode}`);
  },
};
