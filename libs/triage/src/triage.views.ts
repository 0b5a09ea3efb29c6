import type { AuditEntry } from '@suara/audit';
import { type Feedback, FeedbackChannel, FeedbackKind, FeedbackStatus } from '@suara/intake';
import type { Escalation } from './entities/escalation.entity.js';

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
  latitude?: number;
  longitude?: number;
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
    latitude: f.latitude,
    longitude: f.longitude,
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

/** Statuses in which an item still waits on someone: the ones that can be overdue. */
export const OPEN_STATUSES: readonly FeedbackStatus[] = [
  FeedbackStatus.RECEIVED,
  FeedbackStatus.NEEDS_TRIAGE,
  FeedbackStatus.ROUTED,
  FeedbackStatus.ACKNOWLEDGED,
  FeedbackStatus.IN_PROGRESS,
];

/** One line of an item's audit trail, as its overseers read it. */
export interface AuditLineView {
  id: string;
  at: Date;
  actorType: string;
  actorId?: string;
  action: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  publicNote?: string;
}

export function auditLineView(entry: AuditEntry): AuditLineView {
  return {
    id: entry.id,
    at: entry.at,
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    before: entry.before,
    after: entry.after,
    publicNote: entry.publicNote,
  };
}

/** A missed deadline, as the city's coordinator sees it. */
export interface EscalationView {
  id: string;
  feedbackId: string;
  trackingCode: string;
  cityCode: string;
  agencyCode?: string;
  dueAt: Date;
  status: FeedbackStatus;
  createdAt: Date;
}

export function escalationView(escalation: Escalation): EscalationView {
  return {
    id: escalation.id,
    feedbackId: escalation.feedback.id,
    trackingCode: escalation.feedback.trackingCode,
    cityCode: escalation.cityCode,
    agencyCode: escalation.agencyCode,
    dueAt: escalation.dueAt,
    status: escalation.status as FeedbackStatus,
    createdAt: escalation.createdAt,
  };
}
