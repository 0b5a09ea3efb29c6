import { FeedbackStatus as S } from '../feedback.enums.js';

/**
 * Every status change a feedback item may make, and nowhere else. ROUTED → ROUTED
 * is a reroute; RESOLVED → IN_PROGRESS is the citizen's one reopening.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<S, readonly S[]>> = {
  [S.RECEIVED]: [S.ROUTED, S.NEEDS_TRIAGE, S.REJECTED, S.DUPLICATE],
  [S.NEEDS_TRIAGE]: [S.ROUTED, S.REJECTED, S.DUPLICATE],
  [S.ROUTED]: [S.ROUTED, S.ACKNOWLEDGED, S.IN_PROGRESS, S.RESOLVED, S.REJECTED, S.DUPLICATE],
  [S.ACKNOWLEDGED]: [S.ROUTED, S.IN_PROGRESS, S.RESOLVED, S.REJECTED, S.DUPLICATE],
  [S.IN_PROGRESS]: [S.ROUTED, S.RESOLVED, S.REJECTED, S.DUPLICATE],
  [S.RESOLVED]: [S.CLOSED, S.IN_PROGRESS],
  [S.CLOSED]: [],
  [S.REJECTED]: [],
  [S.DUPLICATE]: [],
};

export function canTransition(from: S, to: S): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** A status nothing can follow: the item is done with, and no one works on it again. */
export function isFinal(status: S): boolean {
  return ALLOWED_TRANSITIONS[status].length === 0;
}

/** Status names as the citizen's timeline shows them. */
export const STATUS_LABEL_ID: Readonly<Record<S, string>> = {
  [S.RECEIVED]: 'Diterima',
  [S.ROUTED]: 'Diteruskan ke instansi',
  [S.NEEDS_TRIAGE]: 'Sedang diverifikasi',
  [S.ACKNOWLEDGED]: 'Dibaca instansi',
  [S.IN_PROGRESS]: 'Sedang ditindaklanjuti',
  [S.RESOLVED]: 'Selesai ditangani',
  [S.CLOSED]: 'Ditutup',
  [S.REJECTED]: 'Ditolak',
  [S.DUPLICATE]: 'Digabung dengan laporan lain',
};
