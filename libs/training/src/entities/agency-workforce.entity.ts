import { PrimaryKeyProp, type Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * How many civil servants an agency has, as an admin last set it. Agencies
 * without a row use the default of their type (workforce-defaults.ts).
 */
@Entity({ tableName: 'agency_workforce' })
export class AgencyWorkforce {
  [PrimaryKeyProp]?: 'agencyCode';

  @PrimaryKey({ type: 'string', length: 24 })
  agencyCode: string;

  @Property({ type: 'integer' })
  civilServants: number;

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();

  constructor(agencyCode: string, civilServants: number) {
    this.agencyCode = agencyCode;
    this.civilServants = civilServants;
  }
}
