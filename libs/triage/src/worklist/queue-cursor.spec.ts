import { randomUUID } from 'node:crypto';
import { type QueueCursor, decodeCursor, encodeCursor } from './queue-cursor.js';

const forged = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');
const id = randomUUID();

/** What a refused cursor looks like to the client: BAD_USER_INPUT on `after`. */
const refused = (cursor: string) => {
  let error: unknown;
  try {
    decodeCursor(cursor);
  } catch (e) {
    error = e;
  }
  expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
};

describe('the queue cursor', () => {
  it.each<QueueCursor>([
    { due: '2026-12-01 09:00:00.123456+07', submitted: '2026-11-30 08:15:42.000001+07', id },
    { due: 'infinity', submitted: '2026-11-30 01:15:42+00', id },
    { due: '2026-12-01T09:00:00Z', submitted: '2026-11-30T08:15:42.5+0700', id },
  ])('decodes what it encoded, microseconds included: %o', (cursor) => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  it.each([
    ['empty', ''],
    ['not base64 JSON', 'bm90LWEtY3Vyc29y'],
    ['not JSON at all', '%%%'],
    ['an object', forged({ due: 'infinity', submitted: '2026-11-30 08:00:00+00', id })],
    ['two parts', forged(['infinity', id])],
    ['four parts', forged(['infinity', '2026-11-30 08:00:00+00', id, 'x'])],
    ['a number', forged(['infinity', 1_700_000_000, id])],
    ['not a uuid', forged(['infinity', '2026-11-30 08:00:00+00', 'not-a-uuid'])],
    ['a date without time', forged(['infinity', '2026-11-30', id])],
    ['an infinite submission', forged(['infinity', 'infinity', id])],
    ['SQL', forged(['infinity', "2026-11-30 08:00:00+00'; drop table feedback; --", id])],
    ['an oversized part', forged(['infinity', `2026-11-30 08:00:00+00${' '.repeat(100)}`, id])],
  ])('refuses a cursor that is %s', (_, cursor) => refused(cursor));

  // Shaped like a timestamp but no date at all: refused here, not by PostgreSQL later
  // (which would answer with an internal error instead of BAD_USER_INPUT).
  it.each([
    ['month 99 and day 99', '9999-99-99 00:00:00+00'],
    ['February 30th', '2026-02-30 08:00:00+00'],
    ['hour 25', '2026-11-30 25:00:00+00'],
    ['minute 61', '2026-11-30 08:61:00+00'],
    ['month 00', '2026-00-10 08:00:00+00'],
  ])('refuses an impossible date: %s', (_, timestamp) => {
    refused(forged(['infinity', timestamp, id]));
    refused(forged([timestamp, '2026-11-30 08:00:00+00', id]));
  });
});
