import { EntityName } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

export enum ExampleKind {
  GAP_ACCEPTED = 'GAP_ACCEPTED',
  GAP_DISMISSED = 'GAP_DISMISSED',
  CLUSTERS_MERGED = 'CLUSTERS_MERGED',
  ITEM_MOVED_OUT = 'ITEM_MOVED_OUT',
}

/**
 * A person's correction of the theme or cluster models, kept as a labeled
 * example: which items belong together (merge), which do not (move out), which
 * cluster does (not) show a competency gap (review). Future lexicon and
 * threshold fitting reads these.
 */
@Entity({ tableName: 'insight_example' })
@Index({ properties: ['kind', 'createdAt'] })
export class InsightExample {
  [EntityName]?: 'InsightExample';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => ExampleKind, type: 'string' })
  kind: ExampleKind;

  @Property({ type: 'uuid' })
  actorId: string;

  /** Feedback ids with their texts' themes and the cluster ids involved. */
  @Property({ type: 'json' })
  payload: Record<string, unknown>;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  constructor(kind: ExampleKind, actorId: string, payload: Record<string, unknown>) {
    this.kind = kind;
    this.actorId = actorId;
    this.payload = payload;
  }
}
