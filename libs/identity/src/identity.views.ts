import type { StaffUser } from './entities/staff-user.entity.js';
import type { StaffRole } from './roles.js';

/** A staff account as the API shows it: never the password hash, never the entity. */
export interface StaffUserView {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  agencyCode?: string;
  cityCode?: string;
  active: boolean;
  deactivatedAt?: Date;
}

export function staffUserView(user: StaffUser): StaffUserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    agencyCode: user.agency?.code,
    cityCode: user.city?.code,
    active: user.active,
    deactivatedAt: user.deactivatedAt,
  };
}
