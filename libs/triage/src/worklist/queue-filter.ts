import { isUuid } from '@suara/core';
import { TriageErrors } from '../triage.errors.js';
import type { QueueFilter } from './feedback-queue.service.js';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * What this service's SQL would fail on, refused first: PostgreSQL rejects NUL in
 * text and a non-UUID cast to uuid, and either would fail the whole request. The
 * API's door also bounds lengths and shapes; the queue does not rely on it.
 */
export function checkQueueFilter(filter: QueueFilter): QueueFilter {
  if (filter.assigneeId != null && !isUuid(filter.assigneeId)) throw TriageErrors.badAssignee();
  for (const field of ['search', 'agencyCode', 'cityCode'] as const) {
    const value = filter[field];
    if (value != null && CONTROL.test(value)) throw TriageErrors.controlCharacters(field);
  }
  return filter;
}
