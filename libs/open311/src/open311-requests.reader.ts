import { EntityManager } from '@mikro-orm/postgresql';
import { STATUS_CHANGED, FeedbackStatus } from '@suara/intake';
import { GENERAL_SERVICE } from './service-catalog.js';

export interface RequestRow {
  id: string;
  tracking_code: string;
  status: FeedbackStatus;
  text: string;
  location: string | null;
  confidential: boolean;
  city_code: string;
  submitted_at: Date;
  updated_at: Date;
  sla_due_at: Date | null;
  agency_name: string | null;
  lat: number | null;
  long: number | null;
  service_code: string;
}

export interface RequestFilter {
  cityCode?: string;
  trackingCodes?: string[];
  serviceCodes?: string[];
  statuses?: FeedbackStatus[];
  from?: Date;
  to?: Date;
  /** Only a look-up by its own code may see a confidential item, and then not its text. */
  includeConfidential: boolean;
  limit: number;
}

/** The latest public word on each item: an agency's public answer, and the latest public step note. */
export interface PublicNotes {
  response?: string;
  stepNote?: string;
}

/**
 * Reads feedback as GeoReport sees it. Intake owns these tables; this only reads.
 * The service code is the one the partner chose, else the type of the agency
 * handling it (or named by the citizen), else the general service.
 */
export class Open311RequestsReader {
  constructor(private readonly em: EntityManager) {}

  async find(filter: RequestFilter): Promise<RequestRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (clause: string, ...values: unknown[]) => {
      where.push(clause);
      params.push(...values);
    };
    if (!filter.includeConfidential) add('not f.confidential');
    if (filter.cityCode) add('f.city_code = ?', filter.cityCode);
    if (filter.trackingCodes) add('f.tracking_code in (?)', filter.trackingCodes);
    if (filter.statuses) add('f.status in (?)', filter.statuses);
    if (filter.from) add('f.submitted_at >= ?', filter.from);
    if (filter.to) add('f.submitted_at <= ?', filter.to);
    // MikroORM expands an array parameter into a list, hence `in (?)` rather than `= any(?)`.
    const byService = filter.serviceCodes ? 'where r.service_code in (?)' : '';
    if (filter.serviceCodes) params.push(filter.serviceCodes);
    params.push(filter.limit);
    return this.em.execute<RequestRow[]>(
      `select * from (
         select f.id, f.tracking_code, f.status, f.text, f.location, f.confidential, f.city_code,
                f.submitted_at, f.sla_due_at, a.name as agency_name, o.lat, o.long,
                greatest(f.updated_at,
                  (select max(e.at) from audit_entry e where e.subject_id = f.id::text)) as updated_at,
                coalesce(o.service_code,
                  nullif(split_part(f.agency_code, '-', 2), ''),
                  nullif(split_part(f.agency_hint_code, '-', 2), ''),
                  '${GENERAL_SERVICE}') as service_code
           from feedback f
           left join agency a on a.code = f.agency_code
           left join open311_request o on o.feedback_id = f.id
          ${where.length ? `where ${where.join(' and ')}` : ''}
       ) r ${byService}
       order by r.submitted_at desc, r.id
       limit ?`,
      params,
    );
  }

  async notes(ids: string[]): Promise<Map<string, PublicNotes>> {
    const notes = new Map<string, PublicNotes>();
    if (ids.length === 0) return notes;
    const [responses, steps] = await Promise.all([
      this.em.execute<{ feedback_id: string; message: string }[]>(
        `select distinct on (feedback_id) feedback_id, message from feedback_response
          where public and feedback_id in (?) order by feedback_id, created_at desc, id`,
        [ids],
      ),
      this.em.execute<{ subject_id: string; public_note: string }[]>(
        `select distinct on (subject_id) subject_id, public_note from audit_entry
          where action = ? and public_note is not null and subject_id in (?)
          order by subject_id, at desc, id desc`,
        [STATUS_CHANGED, ids],
      ),
    ]);
    for (const r of responses) notes.set(r.feedback_id, { response: r.message });
    for (const s of steps)
      notes.set(s.subject_id, { ...notes.get(s.subject_id), stepNote: s.public_note });
    return notes;
  }
}
