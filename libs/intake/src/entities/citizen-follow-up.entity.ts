import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Feedback } from './feedback.entity.js';

/** What the citizen added to their report afterwards, proven by the receipt's secret. */
@Entity({ tableName: 'citizen_follow_up' })
@Index({ properties: ['feedback', 'createdAt'] })
export class CitizenFollowUp {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Feedback, { deleteRule: 'cascade' })
  feedback: Feedback;

  @Property({ type: 'text' })
  message: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(feedback: Feedback, message: string) {
    this.feedback = feedback;
    this.message = message;
  }
}
