import { EntityName } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Feedback } from '@suara/intake';

/**
 * A message that left for a report's citizen. Its key (the change it announces)
 * is unique, which is what makes a second delivery of the same job send nothing.
 * Never the address: after the contact is erased, nothing here points at a person.
 */
@Entity({ tableName: 'notification' })
export class Notification {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'Notification';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => Feedback, { deleteRule: 'cascade' })
  feedback: Feedback;

  @Property({ type: 'string', length: 128, unique: true })
  key: string;

  /** CitizenNotice. */
  @Property({ type: 'string', length: 16 })
  notice: string;

  /** The NotificationChannel it left through (EMAIL, later SMS, WHATSAPP). */
  @Property({ type: 'string', length: 16 })
  channel: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  sentAt: Date = new Date();

  constructor(feedback: Feedback, key: string, notice: string, channel: string) {
    this.feedback = feedback;
    this.key = key;
    this.notice = notice;
    this.channel = channel;
  }
}
