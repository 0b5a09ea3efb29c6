import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Agency, City } from '@suara/reference';
import { StaffRole } from '../roles.js';

@Entity({ tableName: 'staff_user' })
export class StaffUser {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased: one account per address however it is typed. */
  @Property({ type: 'string', length: 254, unique: true })
  email: string;

  @Property({ type: 'string', length: 120 })
  name: string;

  @Property({ type: 'text', hidden: true })
  passwordHash: string;

  @Enum({ items: () => StaffRole, type: 'string' })
  role: StaffRole;

  @ManyToOne(() => Agency, { fieldName: 'agency_code', nullable: true })
  agency?: Agency;

  @ManyToOne(() => City, { fieldName: 'city_code', nullable: true })
  city?: City;

  @Property({ type: 'boolean', default: true })
  active = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  deactivatedAt?: Date;

  constructor(init: { email: string; name: string; passwordHash: string; role: StaffRole }) {
    this.email = init.email;
    this.name = init.name;
    this.passwordHash = init.passwordHash;
    this.role = init.role;
  }
}
