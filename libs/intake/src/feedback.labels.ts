import { FeedbackKind } from './feedback.enums.js';

/** Kinds of report as citizens read them (the form's choices, the status page). */
export const KIND_LABEL_ID: Readonly<Record<FeedbackKind, string>> = {
  [FeedbackKind.COMPLAINT]: 'Pengaduan',
  [FeedbackKind.SUGGESTION]: 'Saran / aspirasi',
  [FeedbackKind.COMPLIMENT]: 'Apresiasi',
  [FeedbackKind.QUESTION]: 'Pertanyaan',
};
