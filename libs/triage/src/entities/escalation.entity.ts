import { EntityName } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  Entity,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Feedback } from '@suara/intake';

/**
 * A breached deadline, put before the city's coordinator. One per deadline: a
 * reroute or a reopening sets a new deadline, which may be breached again.
 */
@Entity({ tableName: 'escalation' })
@Unique({ properties: ['feedback', 'dueAt'] })
@Index({ properties: ['cityCode', 'createdAt'] })
export class Escalation {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'Escalation';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Feedback, { deleteRule: 'cascade' })
  feedback: Feedback;

  @Property({ type: 'string', length: 8 })
  cityCode: string;

  /** The agency that let the deadline pass; none while the item waited for triage. */
  @Property({ type: 'string', length: 24, nullable: true })
  agencyCode?: string;

  /** The deadline that was missed. */
  @Property({ type: 'datetime' })
  dueAt: Date;

  /** The item's status when the breach was noticed. */
  @Property({ type: 'string', length: 16 })
  status: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(init: Omit<Escalation, 'id' | 'createdAt'>) {
    this.feedback = init.feedback;
    this.cityCode = init.cityCode;
    this.agencyCode = init.agencyCode;
    this.dueAt = init.dueAt;
    this.status = init.status;
  }
}
