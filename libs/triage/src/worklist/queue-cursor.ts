import { isUuid } from '@suara/core';
import { TriageErrors } from '../triage.errors.js';

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(?:([+-])(\d{2})(?::?(\d{2}))?|Z)$/;

/**
 * A timestamp PostgreSQL will accept: the shape alone lets `9999-99-99` through,
 * and PostgreSQL's refusal of it would fail the whole request.
 */
function isTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const [offsetHours, offsetMinutes] = [Number(m[9] ?? 0), Number(m[10] ?? 0)];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60 &&
    offsetHours < 16 &&
    offsetMinutes < 60
  );
}

/**
 * The queue's position: deadline (none sorts last), submission time, id. The
 * timestamps are kept as PostgreSQL printed them, with microseconds, so a page
 * boundary between two items of the same millisecond is still exact.
 */
export interface QueueCursor {
  due: string;
  submitted: string;
  id: string;
}

export function encodeCursor(c: QueueCursor): string {
  return Buffer.from(JSON.stringify([c.due, c.submitted, c.id])).toString('base64url');
}

export function decodeCursor(cursor: string): QueueCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed.every((p) => typeof p === 'string' && p.length < 64)
    ) {
      const [due, submitted, id] = parsed as string[];
      if (isTimestamp(submitted) && (due === 'infinity' || isTimestamp(due)) && isUuid(id))
        return { due, submitted, id };
    }
  } catch {
    // falls through to the error below
  }
  throw TriageErrors.badCursor();
}
