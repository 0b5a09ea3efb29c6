import { BigIntType, EntityName, type Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { randomUUID } from 'node:crypto';
import { TrainingMethod, TrainingPlanStatus, TrainingRoute } from '../training.enums.js';

/**
 * One item of a city's yearly competency development plan (PP 11/2017 Pasal
 * 205–207): which competency, for whom, how, by whom, when, for how much, and
 * which accepted gaps it answers. Status changes only through plan-lifecycle.ts.
 */
@Entity({ tableName: 'training_plan' })
@Index({ properties: ['cityCode', 'year'] })
export class TrainingPlan {
  [EntityName]?: 'TrainingPlan';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 8 })
  cityCode: string;

  @Property({ type: 'integer' })
  year: number;

  @Property({ type: 'string', length: 200 })
  title: string;

  @Property({ type: 'string', length: 16 })
  competencyCode: string;

  @Property({ type: 'json' })
  agencyCodes: string[];

  @Property({ type: 'integer' })
  participants: number;

  @Property({ type: 'string', length: 24 })
  method: TrainingMethod;

  @Property({ type: 'string', length: 16 })
  route: TrainingRoute;

  @Property({ type: 'string', length: 200 })
  provider: string;

  @Property({ type: 'date' })
  startsOn: string;

  @Property({ type: 'date' })
  endsOn: string;

  @Property({ type: 'integer' })
  hoursJp: number;

  @Property({ type: new BigIntType('number') })
  budgetIdr: number;

  @Property({ type: 'json' })
  gapIds: string[];

  @Property({ type: 'string', length: 16 })
  status: TrainingPlanStatus & Opt = TrainingPlanStatus.DRAFT;

  /** The day the effectiveness window starts from: set when the plan is completed. */
  @Property({ type: 'date', nullable: true })
  completedOn?: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'integer', version: true })
  version!: number & Opt;

  constructor(
    init: Omit<
      TrainingPlan,
      'id' | 'status' | 'completedOn' | 'createdAt' | 'version' | typeof EntityName
    >,
  ) {
    Object.assign(this, init);
  }
}
