import { EntityName } from '@mikro-orm/core';
import { Entity, OneToOne, Property } from '@mikro-orm/decorators/legacy';
import { Feedback } from '@suara/intake';

/**
 * The citizen asked to hear nothing more about this report. Kept per report, not
 * per address: a hash of an e-mail address is still personal data (anyone can
 * hash a guess) and would outlive the contact's erasure; a report's row goes
 * with the report.
 */
@Entity({ tableName: 'notification_opt_out' })
export class NotificationOptOut {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'NotificationOptOut';

  @OneToOne(() => Feedback, { primary: true, owner: true, deleteRule: 'cascade' })
  feedback: Feedback;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  stoppedAt: Date = new Date();

  constructor(feedback: Feedback) {
    this.feedback = feedback;
  }
}
