import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { FeedbackKind, FeedbackStatus, maskPersonalData } from '@suara/intake';
import { ReferenceService } from '@suara/reference';
import { TransparencyErrors } from '../transparency.errors.js';
import type { PublicReportPageView } from '../transparency.views.js';

export const MAX_PUBLIC_PAGE = 50;
const DEFAULT_PAGE = 20;

interface ReportRow {
  id: string;
  tracking_code: string;
  kind: FeedbackKind;
  status: FeedbackStatus;
  submitted_at: Date;
  city_code: string;
  agency_code: string | null;
  agency_name: string | null;
  text: string;
  location: string | null;
}

/**
 * Reports anyone may read, newest first: never a confidential one, never who
 * sent it (the contact table is not even joined), and numbers that identify a
 * person (NIK/KK, phones, e-mails, plates) masked in the text and location.
 */
@Injectable()
export class PublicReportsService {
  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceService,
  ) {}

  async page(
    cityCode: string,
    agencyCode?: string | null,
    first?: number | null,
    after?: string | null,
  ): Promise<PublicReportPageView> {
    const size = first ?? DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 1 || size > MAX_PUBLIC_PAGE)
      throw TransparencyErrors.badPageSize(MAX_PUBLIC_PAGE);
    const city = await this.reference.city(cityCode);
    if (!city) throw TransparencyErrors.unknownCity(cityCode);
    if (agencyCode) {
      const agency = await this.reference.agency(agencyCode);
      if (!agency || agency.cityCode !== city.code)
        throw TransparencyErrors.unknownAgency(agencyCode);
    }
    const cursor = after ? decodeCursor(after) : undefined;
    const where = ['not f.confidential', agencyCode ? 'f.agency_code = ?' : 'f.city_code = ?'];
    const params: unknown[] = [agencyCode || cityCode];
    if (cursor) {
      where.push('(f.submitted_at, f.id) < (?, ?)');
      params.push(cursor.at, cursor.id);
    }
    params.push(size + 1);
    const rows = await this.em.fork().execute<ReportRow[]>(
      `select f.id, f.tracking_code, f.kind, f.status, f.submitted_at, f.city_code, f.agency_code,
              a.name as agency_name, f.text, f.location
         from feedback f left join agency a on a.code = f.agency_code
        where ${where.join(' and ')}
        order by f.submitted_at desc, f.id desc
        limit ?`,
      params,
    );
    const shown = rows.slice(0, size);
    const last = shown.at(-1);
    return {
      items: shown.map((r) => ({
        trackingCode: r.tracking_code,
        kind: r.kind,
        status: r.status,
        submittedAt: new Date(r.submitted_at),
        cityCode: r.city_code,
        agency: r.agency_code
          ? { code: r.agency_code, name: r.agency_name ?? r.agency_code }
          : undefined,
        text: maskPersonalData(r.text),
        location: r.location ? maskPersonalData(r.location) : undefined,
      })),
      endCursor: last ? encodeCursor(new Date(last.submitted_at), last.id) : null,
      hasMore: rows.length > size,
    };
  }
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(at));
    if (typeof id !== 'string' || !UUID.test(id) || Number.isNaN(date.getTime())) throw new Error();
    return { at: date, id };
  } catch {
    throw TransparencyErrors.badCursor();
  }
}
