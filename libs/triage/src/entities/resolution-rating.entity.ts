import { EntityName } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  Check,
  Entity,
  ManyToOne,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/decorators/legacy';
import { Feedback } from '@suara/intake';

/** The citizen's verdict on a resolution: one per round (a reopened item is rated again). */
@Entity({ tableName: 'resolution_rating' })
@Unique({ properties: ['feedback', 'round'] })
@Check({ name: 'resolution_rating_score_check', expression: '(score >= 1) AND (score <= 5)' })
export class ResolutionRating {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'ResolutionRating';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Feedback, { deleteRule: 'cascade' })
  feedback: Feedback;

  /** 1 for the first resolution, 2 after the one reopening. */
  @Property({ type: 'smallint' })
  round: number;

  @Property({ type: 'smallint' })
  score: number;

  @Property({ type: 'text', nullable: true })
  comment?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(feedback: Feedback, round: number, score: number, comment?: string) {
    this.feedback = feedback;
    this.round = round;
    this.score = score;
    this.comment = comment;
  }
}
