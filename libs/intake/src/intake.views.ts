import { FeedbackKind, FeedbackStatus } from './feedback.enums.js';

/** What a submitter gets back: enough to follow the item, nothing about anyone. */
export interface FeedbackReceipt {
  trackingCode: string;
  /** Shown only here: proves, when rating, that the citizen is the sender. */
  citizenSecret: string;
  status: FeedbackStatus;
  submittedAt: Date;
}

export interface TimelineEntry {
  status: FeedbackStatus;
  at: Date;
  note?: string;
}

/** The public face of an item, looked up by tracking code: never the reporter. */
export interface PublicFeedbackStatus {
  trackingCode: string;
  kind: FeedbackKind;
  status: FeedbackStatus;
  submittedAt: Date;
  agency?: { code: string; name: string };
  /**
   * A duplicate: what it shows is the original's progress. Never the original's
   * tracking code, which belongs to another citizen.
   */
  merged: boolean;
  /** Resolved and waiting for the citizen's rating. */
  canRate: boolean;
  timeline: TimelineEntry[];
  responses: { message: string; at: Date }[];
}

/** A recorded forum hearing, as its recorder sees it back. */
export interface ForumSessionView {
  id: string;
  cityCode: string;
  title: string;
  /** A calendar day, YYYY-MM-DD. */
  heldOn: string;
  venue?: string;
  hostAgency?: { code: string; name: string };
}
