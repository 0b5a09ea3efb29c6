import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Feedback, FeedbackKind, FeedbackPolicy, FeedbackStatus } from '@suara/intake';
import { IdentityErrors, type Principal } from '@suara/identity';
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

/** What a queue row needs (not the search vector, which is large). */
const COLUMNS = [
  'id',
  'tracking_code',
  'kind',
  'channel',
  'text',
  'status',
  'city_code',
  'agency_code',
  'agency_hint_code',
  'location',
  'anonymous',
  'confidential',
  'assignee_id',
  'duplicate_of_id',
  'submitted_at',
  'updated_at',
  'sla_due_at',
  'resolved_at',
  'close_due_at',
  'reopen_count',
  'escalated_at',
  'version',
]
  .map((c) => `f.${c}`)
  .join(', ');

/** Sort key of the queue; the same expression is indexed (see the triage migration). */
const DUE = `coalesce(f.sla_due_at, 'infinity'::timestamptz)`;

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
    const { where, params } = this.where(actor, filter);
    const conditions = [...where];
    const pageParams = [...params];
    if (after) {
      const c = decodeCursor(after);
      conditions.push(`(${DUE}, f.submitted_at, f.id) > (?::timestamptz, ?::timestamptz, ?::uuid)`);
      pageParams.push(c.due, c.submitted, c.id);
    }
    const em = this.em.fork();
    const whereSql = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const [rows, [{ n }]] = await Promise.all([
      em.execute<Record<string, unknown>[]>(
        `select ${COLUMNS}, ${DUE}::text as k_due, f.submitted_at::text as k_submitted
           from feedback f ${whereSql}
          order by ${DUE}, f.submitted_at, f.id
          limit ?`,
        [...pageParams, first + 1],
      ),
      em.execute<{ n: number }[]>(
        `select count(*)::int as n from feedback f ${where.length ? `where ${where.join(' and ')}` : ''}`,
        params,
      ),
    ]);
    const hasNextPage = rows.length > first;
    const edges = rows.slice(0, first).map((r) => ({
      cursor: encodeCursor({
        due: r.k_due as string,
        submitted: r.k_submitted as string,
        id: r.id as string,
      }),
      node: viewOf(em.map(Feedback, r)),
    }));
    return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor }, totalCount: n };
  }

  private where(actor: Principal, filter: QueueFilter): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
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
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (scope.agencyCode) add('f.agency_code = ?', scope.agencyCode);
    if (scope.cityCode) add('f.city_code = ?', scope.cityCode);
    if (filter.agencyCode) add('f.agency_code = ?', filter.agencyCode.toUpperCase());
    if (filter.cityCode) add('f.city_code = ?', filter.cityCode.toUpperCase());
    if (filter.status?.length)
      add(`f.status in (${filter.status.map(() => '?').join(', ')})`, ...filter.status);
    if (filter.kind) add('f.kind = ?', filter.kind);
    if (filter.assigneeId) add('f.assignee_id = ?::uuid', filter.assigneeId);
    if (filter.overdue !== undefined) {
      const overdue = `(coalesce(f.sla_due_at < now(), false) and f.status in (${OPEN_STATUSES.map(() => '?').join(', ')}))`;
      add(filter.overdue ? overdue : `not ${overdue}`, ...OPEN_STATUSES);
    }
    const search = filter.search?.trim();
    if (search) {
      add(`f.search_vector @@ websearch_to_tsquery('indonesian', ?)`, search.slice(0, 200));
    }
    return { where, params };
  }
}
