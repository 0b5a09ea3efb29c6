import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Feedback } from './feedback.entity.js';

/**
 * What an agency wrote about an item: a public answer the citizen reads on the
 * status page, or an internal note only staff see.
 */
@Entity({ tableName: 'feedback_response' })
@Index({ properties: ['feedback', 'createdAt'] })
export class FeedbackResponse {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Feedback, { deleteRule: 'cascade' })
  feedback: Feedback;

  /** The staff user who wrote it. */
  @Property({ type: 'uuid' })
  authorId: string;

  @Property({ type: 'text' })
  message: string;

  @Property({ type: 'boolean' })
  public: boolean;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(feedback: Feedback, authorId: string, message: string, isPublic: boolean) {
    this.feedback = feedback;
    this.authorId = authorId;
    this.message = message;
    this.public = isPublic;
  }
}
