import { IdentityErrors } from './identity.errors.js';
import { type Principal, StaffRole } from './roles.js';

/** Refuses unless the principal has one of the roles; `what` completes "Anda tidak berwenang …". */
export function requireRole(
  principal: Principal | undefined,
  what: string,
  ...roles: StaffRole[]
): Principal {
  if (!principal) throw IdentityErrors.notSignedIn();
  if (!roles.includes(principal.role)) throw IdentityErrors.forbidden(what);
  return principal;
}

/** A command run by an operator on the server (CLI, jobs): trusted, not a person signed in. */
export const SYSTEM_ACTOR = { system: true } as const;
/** Who runs a command: a signed-in staff member, or the system (not the audit trail's actor). */
export type StaffOrSystem = Principal | typeof SYSTEM_ACTOR;

export function isSystem(actor: StaffOrSystem): actor is typeof SYSTEM_ACTOR {
  return 'system' in actor;
}

/** Coordinators of the city, and admins, may act on the city's forums. */
export function requireCityManager(actor: StaffOrSystem, cityCode: string, what: string): void {
  if (isSystem(actor)) return;
  requireRole(actor, what, StaffRole.COORDINATOR, StaffRole.ADMIN);
  if (actor.role === StaffRole.COORDINATOR && actor.cityCode !== cityCode) {
    throw IdentityErrors.forbidden(`${what} untuk kota ${cityCode}`);
  }
}

/** A signed-in staff member as the audit trail records them. */
export function staffAuditActor(principal: Principal) {
  return { type: 'STAFF' as const, id: principal.userId };
}
