import { FeedbackStatus, maskPersonalData } from '@suara/intake';
import { toGeoReportTime } from './georeport-time.js';
import type { GeoReportRequest } from './georeport.views.js';
import type { PublicNotes, RequestRow } from './open311-requests.reader.js';
import { serviceByCode } from './service-catalog.js';

/** Suara's lifecycle in GeoReport's two states: resolved, closed, rejected and merged items are done. */
export const CLOSED_STATUSES: readonly FeedbackStatus[] = [
  FeedbackStatus.RESOLVED,
  FeedbackStatus.CLOSED,
  FeedbackStatus.REJECTED,
  FeedbackStatus.DUPLICATE,
];
export const OPEN_STATUSES: readonly FeedbackStatus[] = Object.values(FeedbackStatus).filter(
  (s) => !CLOSED_STATUSES.includes(s),
);

export const MAX_DESCRIPTION = 4_000;

function fit(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * An item as the public may read it: personal data masked, never the reporter,
 * and for a confidential item (reachable only by its own code) nothing of what
 * it says or where, only how it is going.
 */
export function toGeoReportRequest(row: RequestRow, notes: PublicNotes = {}): GeoReportRequest {
  const closed = CLOSED_STATUSES.includes(row.status);
  // A rejection or a merge explains itself in its step note; otherwise the agency's own words.
  const stepFirst =
    row.status === FeedbackStatus.REJECTED || row.status === FeedbackStatus.DUPLICATE;
  const note = stepFirst ? (notes.stepNote ?? notes.response) : (notes.response ?? notes.stepNote);
  const shown = !row.confidential;
  return {
    service_request_id: row.tracking_code,
    status: closed ? 'closed' : 'open',
    status_notes: note ? fit(maskPersonalData(note), MAX_DESCRIPTION) : null,
    service_name: serviceByCode(row.service_code)?.name ?? null,
    service_code: row.service_code,
    description: shown ? fit(maskPersonalData(row.text), MAX_DESCRIPTION) : null,
    agency_responsible: row.agency_name,
    service_notice: null,
    requested_datetime: toGeoReportTime(new Date(row.submitted_at)),
    updated_datetime: toGeoReportTime(new Date(row.updated_at)),
    expected_datetime: !closed && row.sla_due_at ? toGeoReportTime(new Date(row.sla_due_at)) : null,
    address: shown && row.location ? maskPersonalData(row.location) : null,
    address_id: null,
    zipcode: null,
    lat: shown && row.lat !== null ? Number(row.lat) : null,
    long: shown && row.long !== null ? Number(row.long) : null,
    media_url: null,
  };
}
