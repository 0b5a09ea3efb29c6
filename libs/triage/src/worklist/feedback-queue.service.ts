import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import {
  Feedback,
  FeedbackKind,
  FeedbackPolicy,
  FeedbackStatus,
  type IntakeTables,
} from '@suara/intake';
import { IdentityErrors, type Principal } from '@suara/identity';
import { viewsForReader } from '../access/masked-text.js';
import { TriageErrors } from '../triage.errors.js';
import { type FeedbackView, OPEN_STATUSES, viewOf } from '../triage.views.js';
import { decodeCursor, encodeCursor } from './queue-cursor.js';
import { checkQueueFilter } from './queue-filter.js';

export interface QueueFilter {
  status?: FeedbackStatus[];
  agencyCode?: string;
  cityCode?: string;
  kind?: FeedbackKind;
  /** Words in Indonesian, as a person types them into a search box. */
  search?: string;
  overdue?: boolean;
  assigneeId?: string;
}

export interface QueuePage {
  edges: { cursor: string; node: FeedbackView }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string };
  totalCount: number;
}

export const MAX_PAGE = 100;

type QueueDb = IntakeTables & { f: IntakeTables['feedback'] };
type QueueConditions = (eb: ExpressionBuilder<QueueDb, 'f'>) => Expression<SqlBool>;

/** Columns a queue row does not need: the search vector is large, the others are intake's. */
// The citizen's secret and the idempotency hashes are never shown to staff.
type Unread =
  | 'search_vector'
  | 'idempotency_key'
  | 'idempotency_body_hash'
  | 'citizen_secret_hash'
  | 'forum_session_id'
  | 'external_ref';

/**
 * What a queue row needs. Every column of the entity is here or in `Unread`, so
 * a column added to the entity breaks the build until someone decides, instead
 * of reaching the page as `undefined`.
 */
const COLUMNS = Object.keys({
  id: true,
  tracking_code: true,
  kind: true,
  channel: true,
  text: true,
  status: true,
  city_code: true,
  agency_code: true,
  agency_hint_code: true,
  location: true,
  anonymous: true,
  confidential: true,
  assignee_id: true,
  duplicate_of_id: true,
  submitted_at: true,
  updated_at: true,
  sla_due_at: true,
  resolved_at: true,
  close_due_at: true,
  reopen_count: true,
  escalated_at: true,
  version: true,
} satisfies Record<Exclude<keyof IntakeTables['feedback'], Unread>, true>).map(
  (column) => `f.${column as Exclude<keyof IntakeTables['feedback'], Unread>}` as const,
);

/** Sort key of the queue; the same expression is indexed (see the triage migration). */
const due = (eb: ExpressionBuilder<QueueDb, 'f'>) =>
  eb.fn.coalesce('f.sla_due_at', sql<Date>`'infinity'::timestamptz`);

/**
 * The work queue: what a principal may see, filtered, in a stable order
 * (deadline first, then submission), paged by keyset cursor so that a page costs
 * the same deep in the queue as at its head.
 */
@Injectable()
export class FeedbackQueueService {
  constructor(private readonly em: EntityManager) {}

  async page(
    actor: Principal,
    filter: QueueFilter = {},
    first = 20,
    after?: string,
  ): Promise<QueuePage> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw TriageErrors.badPageSize(MAX_PAGE);
    checkQueueFilter(filter);
    const where = this.where(actor, filter);
    const cursor = after ? decodeCursor(after) : undefined;
    const em = this.em.fork();
    const db = em.getKysely<IntakeTables>();
    const [rows, { n }] = await Promise.all([
      db
        .selectFrom('feedback as f')
        .select(COLUMNS)
        .select((eb) => [
          eb.cast<string>(due(eb), 'text').as('k_due'),
          eb.cast<string>('f.submitted_at', 'text').as('k_submitted'),
        ])
        .where((eb) =>
          cursor
            ? eb.and([
                where(eb),
                eb(
                  eb.tuple(due(eb), eb.ref('f.submitted_at'), eb.ref('f.id')),
                  '>',
                  eb.tuple(
                    eb.cast<Date>(eb.val(cursor.due), 'timestamptz'),
                    eb.cast<Date>(eb.val(cursor.submitted), 'timestamptz'),
                    eb.cast<string>(eb.val(cursor.id), 'uuid'),
                  ),
                ),
              ])
            : where(eb),
        )
        .orderBy(due)
        .orderBy('f.submitted_at')
        .orderBy('f.id')
        .limit(first + 1)
        .execute(),
      db
        .selectFrom('feedback as f')
        .where(where)
        .select(({ cast, fn }) => cast<number>(fn.countAll(), 'integer').as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    const hasNextPage = rows.length > first;
    const page = rows.slice(0, first);
    const nodes = await viewsForReader(
      em,
      actor,
      page.map((r) => viewOf(em.map(Feedback, r))),
    );
    const edges = page.map((r, i) => ({
      cursor: encodeCursor({ due: r.k_due, submitted: r.k_submitted, id: r.id }),
      node: nodes[i],
    }));
    return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor }, totalCount: n };
  }

  /** Checks the principal may see what the filter asks for, then says which rows match. */
  private where(actor: Principal, filter: QueueFilter): QueueConditions {
    const scope = FeedbackPolicy.queueScope(actor);
    const askedAgency = filter.agencyCode?.toUpperCase();
    const askedCity = filter.cityCode?.toUpperCase();
    if (
      (scope.agencyCode && askedAgency && askedAgency !== scope.agencyCode) ||
      (scope.cityCode && askedCity && askedCity !== scope.cityCode) ||
      (scope.cityCode && askedAgency && !askedAgency.startsWith(`${scope.cityCode}-`))
    ) {
      throw IdentityErrors.forbidden('melihat antrean di luar instansi atau kota Anda');
    }
    const search = filter.search?.trim();
    return (eb) => {
      const where: Expression<SqlBool>[] = [];
      if (scope.agencyCode) where.push(eb('f.agency_code', '=', scope.agencyCode));
      if (scope.cityCode) where.push(eb('f.city_code', '=', scope.cityCode));
      if (askedAgency) where.push(eb('f.agency_code', '=', askedAgency));
      if (askedCity) where.push(eb('f.city_code', '=', askedCity));
      if (filter.status?.length) where.push(eb('f.status', 'in', filter.status));
      if (filter.kind) where.push(eb('f.kind', '=', filter.kind));
      if (filter.assigneeId) where.push(eb('f.assignee_id', '=', filter.assigneeId));
      if (filter.overdue !== undefined) {
        const overdue = eb.and([
          eb.fn.coalesce(eb('f.sla_due_at', '<', sql<Date>`now()`), eb.lit(false)),
          eb('f.status', 'in', OPEN_STATUSES),
        ]);
        where.push(filter.overdue ? overdue : eb.not(overdue));
      }
      if (search) {
        where.push(
          eb(
            'f.search_vector',
            '@@',
            eb.fn<string>('websearch_to_tsquery', [
              sql.lit('indonesian'),
              eb.val(search.slice(0, 200)),
            ]),
          ),
        );
      }
      return eb.and(where);
    };
  }
}
