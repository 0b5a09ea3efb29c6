import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * How one agency answered the reports of one month, as the public record shows
 * it. A roll-up the statistics job rebuilds from feedback, its audit trail,
 * responses and ratings: the public page reads a few hundred rows, never the
 * million items behind them.
 */
@Entity({ tableName: 'agency_answer_month' })
@Index({ properties: ['cityCode', 'month'] })
export class AgencyAnswerMonth {
  @PrimaryKey({ type: 'string', length: 32 })
  agencyCode!: string;

  /** The first day of the month (WIB) the reports were submitted in. */
  @PrimaryKey({ type: 'date' })
  month!: string;

  @Property({ type: 'string', length: 16 })
  cityCode!: string;

  /** Reports submitted that month that this agency handles (after any rerouting). */
  @Property({ type: 'integer' })
  received!: number;

  /** Of those, routed to an agency within the routing deadline (SLA_ROUTE_DAYS working days). */
  @Property({ type: 'integer' })
  routedInTime!: number;

  /** Of those, with a first answer: a public response, acknowledgement, start of work or resolution. */
  @Property({ type: 'integer' })
  answered!: number;

  /** Median working days from submission to the first answer, over the answered reports. */
  @Property({ type: 'double', nullable: true })
  medianAnswerDays?: number;

  /** Now resolved, or closed after a resolution. */
  @Property({ type: 'integer' })
  resolved!: number;

  /** Reopened by their citizen at least once. */
  @Property({ type: 'integer' })
  reopened!: number;

  @Property({ type: 'integer' })
  ratingCount!: number;

  @Property({ type: 'integer' })
  ratingSum!: number;

  @Property({ type: 'datetime' })
  refreshedAt!: Date;
}
