import { EntityName } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Feedback } from './feedback.entity.js';

/**
 * Who sent a feedback item. Kept apart and owned from this side only, so that
 * loading feedback never loads its reporter by accident; reading it is a
 * deliberate, audited act (identity context).
 */
@Entity({ tableName: 'reporter_contact' })
export class ReporterContact {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'ReporterContact';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @OneToOne(() => Feedback, { owner: true, unique: true, deleteRule: 'cascade' })
  feedback: Feedback;

  @Property({ type: 'string', length: 120, nullable: true })
  name?: string;

  @Property({ type: 'string', length: 254, nullable: true })
  email?: string;

  /** Normalised to +62… so that the same number is stored one way. */
  @Property({ type: 'string', length: 20, nullable: true })
  phone?: string;

  constructor(feedback: Feedback, contact: { name?: string; email?: string; phone?: string }) {
    this.feedback = feedback;
    this.name = contact.name;
    this.email = contact.email;
    this.phone = contact.phone;
  }
}
