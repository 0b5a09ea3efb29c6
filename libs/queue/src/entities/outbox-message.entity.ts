import { EntityName } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A job that must reach the queue, written in the same transaction as the change
 * that calls for it. The relay moves it to BullMQ and deletes it, so a row here
 * means "not yet handed over" and survives Redis being down.
 */
@Entity({ tableName: 'outbox_message' })
export class OutboxMessage {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'OutboxMessage';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id: string;

  @Property({ type: 'string', length: 64 })
  jobName: string;

  /** Looked up by the sweeper, which must not queue an item twice. */
  @Index()
  @Property({ type: 'string', length: 128 })
  jobId: string;

  @Property({ type: 'json' })
  payload: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(jobName: string, jobId: string, payload: Record<string, unknown>) {
    this.jobName = jobName;
    this.jobId = jobId;
    this.payload = payload;
  }
}
