import { type Feedback, FeedbackChannel, FeedbackKind, FeedbackStatus } from '@suara/intake';

/** An item as staff see it: no reporter here, that is a separate, audited read. */
export interface FeedbackView {
  id: string;
  trackingCode: string;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  text: string;
  status: FeedbackStatus;
  cityCode: string;
  agencyCode?: string;
  agencyHintCode?: string;
  location?: string;
  anonymous: boolean;
  confidential: boolean;
  assigneeId?: string;
  duplicateOfId?: string;
  submittedAt: Date;
  updatedAt: Date;
  slaDueAt?: Date;
  resolvedAt?: Date;
  closeDueAt?: Date;
  reopenCount: number;
  escalatedAt?: Date;
  version: number;
}

export function viewOf(f: Feedback): FeedbackView {
  return {
    id: f.id,
    trackingCode: f.trackingCode,
    kind: f.kind,
    channel: f.channel,
    text: f.text,
    status: f.status,
    cityCode: f.city.code,
    agencyCode: f.agency?.code,
    agencyHintCode: f.agencyHint?.code,
    location: f.location,
    anonymous: f.anonymous,
    confidential: f.confidential,
    assigneeId: f.assignee?.id,
    duplicateOfId: f.duplicateOf?.id,
    submittedAt: f.submittedAt,
    updatedAt: f.updatedAt,
    slaDueAt: f.slaDueAt,
    resolvedAt: f.resolvedAt,
    closeDueAt: f.closeDueAt,
    reopenCount: f.reopenCount,
    escalatedAt: f.escalatedAt,
    version: f.version,
  };
}

/** The same, from a row of the queue's SQL. */
export function viewOfRow(r: Record<string, unknown>): FeedbackView {
  const date = (v: unknown) => (v == null ? undefined : new Date(v as string));
  const text = (v: unknown) => (v == null ? undefined : (v as string));
  return {
    id: r.id as string,
    trackingCode: r.tracking_code as string,
    kind: r.kind as FeedbackKind,
    channel: r.channel as FeedbackChannel,
    text: r.text as string,
    status: r.status as FeedbackStatus,
    cityCode: r.city_code as string,
    agencyCode: text(r.agency_code),
    agencyHintCode: text(r.agency_hint_code),
    location: text(r.location),
    anonymous: r.anonymous as boolean,
    confidential: r.confidential as boolean,
    assigneeId: text(r.assignee_id),
    duplicateOfId: text(r.duplicate_of_id),
    submittedAt: new Date(r.submitted_at as string),
    updatedAt: new Date(r.updated_at as string),
    slaDueAt: date(r.sla_due_at),
    resolvedAt: date(r.resolved_at),
    closeDueAt: date(r.close_due_at),
    reopenCount: r.reopen_count as number,
    escalatedAt: date(r.escalated_at),
    version: r.version as number,
  };
}

/** Statuses in which an item still waits on someone: the ones that can be overdue. */
export const OPEN_STATUSES: readonly FeedbackStatus[] = [
  FeedbackStatus.RECEIVED,
  FeedbackStatus.NEEDS_TRIAGE,
  FeedbackStatus.ROUTED,
  FeedbackStatus.ACKNOWLEDGED,
  FeedbackStatus.IN_PROGRESS,
];

export function isOverdue(
  item: Pick<FeedbackView, 'status' | 'slaDueAt'>,
  now = new Date(),
): boolean {
  return OPEN_STATUSES.includes(item.status) && !!item.slaDueAt && item.slaDueAt < now;
}
