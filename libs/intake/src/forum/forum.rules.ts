import { FeedbackKind } from '../feedback.enums.js';
import { IntakeErrors } from '../intake.errors.js';
import { checkFeedbackText, checkLength, cleanText } from '../submission/submission.rules.js';

export interface ForumStatementInput {
  externalRef: string;
  text: string;
  speaker?: string | null;
  agencyCode?: string | null;
  kind?: FeedbackKind | null;
}

export interface CleanStatement {
  externalRef: string;
  text: string;
  speaker?: string;
  agencyCode?: string;
  kind: FeedbackKind;
}

export interface RejectedStatement {
  index: number;
  reason: string;
}

/**
 * Checks one statement; agency codes are checked by the caller against the
 * session's city. Speakers at a hearing mostly raise complaints, so that is the
 * kind when the recorder gives none.
 */
export function checkStatement(s: ForumStatementInput): CleanStatement {
  const externalRef = cleanText(s.externalRef);
  if (externalRef === '')
    throw IntakeErrors.required('Nomor referensi pernyataan (externalRef)', 'externalRef');
  checkLength(externalRef, 'Nomor referensi pernyataan', 128, 'externalRef');
  const text = checkFeedbackText(s.text);
  const speaker = cleanText(s.speaker) || undefined;
  checkLength(speaker, 'Nama pembicara', 120, 'speaker');
  const kind = s.kind ?? FeedbackKind.COMPLAINT;
  if (!Object.values(FeedbackKind).includes(kind)) {
    throw IntakeErrors.unknownKind(String(kind), Object.values(FeedbackKind));
  }
  return {
    externalRef,
    text,
    speaker,
    agencyCode: cleanText(s.agencyCode).toUpperCase() || undefined,
    kind,
  };
}

export function checkHeldOn(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const date = match ? new Date(`${match[0]}T00:00:00Z`) : undefined;
  if (
    !match ||
    !date ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== match[0]
  ) {
    throw IntakeErrors.invalidDate('heldOn');
  }
  return match[0];
}
