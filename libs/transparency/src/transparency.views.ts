import type { FeedbackKind, FeedbackStatus } from '@suara/intake';

/** One agency's month in the public record. Shares are 0..1; null when nothing to divide. */
export interface AgencyAnswerMonthView {
  cityCode: string;
  agencyCode: string;
  agencyName: string;
  /** YYYY-MM. */
  month: string;
  received: number;
  routedWithinDeadlineShare: number | null;
  answered: number;
  medianWorkingDaysToFirstAnswer: number | null;
  resolvedShare: number | null;
  reopenedShare: number | null;
  ratings: number;
  averageRating: number | null;
}

export interface AgencyAnswerRecordView {
  cityCode: string;
  from: string;
  to: string;
  /** When the figures were last rebuilt; null before the first run. */
  refreshedAt: Date | null;
  rows: AgencyAnswerMonthView[];
}

/** A report as anyone may read it: personal data masked, never who sent it. */
export interface PublicReportView {
  trackingCode: string;
  kind: FeedbackKind;
  status: FeedbackStatus;
  submittedAt: Date;
  cityCode: string;
  agency?: { code: string; name: string };
  text: string;
  location?: string;
}

export interface PublicReportPageView {
  items: PublicReportView[];
  endCursor: string | null;
  hasMore: boolean;
}
