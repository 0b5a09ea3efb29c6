import { EntityName } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Feedback } from './feedback.entity.js';

/**
 * A photo a citizen sent, already re-encoded without its metadata. Uploaded
 * before the report exists, it has no feedback until the submission claims it
 * (in the submission's transaction); unclaimed ones are deleted after a while.
 */
@Entity({ tableName: 'feedback_photo' })
@Index({ properties: ['feedback'] })
@Index({
  name: 'feedback_photo_unclaimed',
  expression: `create index "feedback_photo_unclaimed" on "feedback_photo" ("uploaded_at") where "feedback_id" is null`,
})
export class FeedbackPhoto {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'FeedbackPhoto';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Feedback, { nullable: true, deleteRule: 'cascade' })
  feedback?: Feedback;

  /**
   * What the uploader holds until the submission claims the photo: a random value
   * apart from the id, so the id staff later see can never claim anything.
   */
  @Property({ type: 'string', length: 64, unique: true, hidden: true })
  uploadToken: string;

  /** The object's name in the photo storage. */
  @Property({ type: 'string', length: 200 })
  storageKey: string;

  @Property({ type: 'string', length: 32 })
  contentType: string;

  @Property({ type: 'integer' })
  width: number;

  @Property({ type: 'integer' })
  height: number;

  @Property({ type: 'integer' })
  byteSize: number;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  uploadedAt: Date = new Date();

  constructor(init: {
    id?: string;
    uploadToken: string;
    storageKey: string;
    contentType: string;
    width: number;
    height: number;
    byteSize: number;
  }) {
    if (init.id) this.id = init.id;
    this.uploadToken = init.uploadToken;
    this.storageKey = init.storageKey;
    this.contentType = init.contentType;
    this.width = init.width;
    this.height = init.height;
    this.byteSize = init.byteSize;
  }
}
