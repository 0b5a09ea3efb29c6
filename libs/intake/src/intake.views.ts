import { FeedbackKind, FeedbackStatus } from './feedback.enums.js';

/** What a submitter gets back: enough to follow the item, nothing about anyone. */
export interface FeedbackReceipt {
  trackingCode: string;
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
  /** For a duplicate: the tracking code of the original it now follows. */
  mergedInto?: string;
  /** Resolved and waiting for the citizen's rating. */
  canRate: boolean;
  timeline: TimelineEntry[];
  responses: { message: string; at: Date }[];
}
