import { EntityName } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import type { SoftmaxState } from '../model/softmax-regression.js';

/** A trained router, kept with its score so a worse one is never switched on. */
@Entity({ tableName: 'routing_model' })
@Unique({
  name: 'routing_model_one_active',
  expression: `create unique index "routing_model_one_active" on "routing_model" ("active") where "active"`,
})
export class RoutingModel {
  /** Lets the typed query builder (em.getKysely) infer this entity's table. */
  [EntityName]?: 'RoutingModel';

  @PrimaryKey({ type: 'integer', autoincrement: true })
  version: number;

  @Property({ type: 'json', lazy: true })
  state: SoftmaxState;

  /** Accuracy on the held-back examples, which no model is trained on. */
  @Property({ type: 'double' })
  heldOutAccuracy: number;

  @Property({ type: 'integer' })
  heldOutSize: number;

  @Property({ type: 'integer' })
  trainingSize: number;

  @Property({ type: 'boolean', default: false })
  active = false;

  @Property({ type: 'text', nullable: true })
  note?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  trainedAt: Date = new Date();

  constructor(
    state: SoftmaxState,
    heldOutAccuracy: number,
    heldOutSize: number,
    trainingSize: number,
  ) {
    this.state = state;
    this.heldOutAccuracy = heldOutAccuracy;
    this.heldOutSize = heldOutSize;
    this.trainingSize = trainingSize;
  }
}
