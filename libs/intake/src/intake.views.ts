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

/** What the uploader gets back: the token a submission claims the photo with. */
export interface UploadedPhoto {
  token: string;
  contentType: string;
  width: number;
  height: number;
}

/** A stored photo, with a link that works for a limited time. */
export interface PhotoView {
  id: string;
  url: string;
  contentType: string;
  width: number;
  height: number;
}

export interface FollowUpView {
  message: string;
  at: Date;
}

/**
 * The citizen's own report, shown to whoever holds its secret: what they sent
 * (text, place, photos) beside what anyone with the code sees.
 */
export interface CitizenFeedbackView extends PublicFeedbackStatus {
  feedbackId: string;
  text: string;
  location?: string;
  latitude?: number;
  longitude?: number;
  /** The working-day deadline of the next step, when one runs. */
  nextStepDueAt?: Date;
  photos: PhotoView[];
  followUps: FollowUpView[];
}
