import { type Expression, type RawBuilder, sql } from 'kysely';
import { FeedbackStatus as S } from '../feedback.enums.js';

/** What the citizen who sent a report is told about, each in a message of its own. */
export enum CitizenNotice {
  ROUTED = 'ROUTED',
  ANSWERED = 'ANSWERED',
  RESOLVED = 'RESOLVED',
  REOPENED = 'REOPENED',
  MERGED = 'MERGED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}

/**
 * The status changes a citizen hears about. Triage, an agency reading the report
 * and the move into progress are left out: they are steps of the staff's work,
 * and a message for each would teach citizens to ignore the ones that matter.
 * Progress that comes with a public answer is told as the answer.
 */
export function noticeOfTransition(from: S, to: S): CitizenNotice | undefined {
  switch (to) {
    case S.ROUTED:
      return CitizenNotice.ROUTED;
    case S.RESOLVED:
      return CitizenNotice.RESOLVED;
    case S.IN_PROGRESS:
      return from === S.RESOLVED ? CitizenNotice.REOPENED : undefined;
    case S.DUPLICATE:
      return CitizenNotice.MERGED;
    case S.CLOSED:
      return CitizenNotice.CLOSED;
    case S.REJECTED:
      return CitizenNotice.REJECTED;
    default:
      return undefined;
  }
}

/**
 * A notice's key: the item and the version its change gave it. Every committed
 * change of an item raises its version once, so the key names one change: the
 * same change queued twice is one job and one message.
 */
export function noticeKey(feedbackId: string, versionAfter: number): string {
  return `notify:${feedbackId}:${versionAfter}`;
}

/** noticeKey in SQL, for writers that change many items in one statement. */
export function noticeKeySql(
  feedbackId: Expression<string>,
  versionAfter: Expression<number>,
): RawBuilder<string> {
  return sql<string>`'notify:' || ${feedbackId} || ':' || ${versionAfter}`;
}
