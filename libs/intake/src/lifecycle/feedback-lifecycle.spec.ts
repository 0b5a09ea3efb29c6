import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry, AuditService } from '@suara/audit';
import { DomainError } from '@suara/core';
import type { Feedback } from '../entities/feedback.entity.js';
import { FeedbackStatus as S } from '../feedback.enums.js';
import { FeedbackLifecycle } from './feedback-lifecycle.js';

/**
 * The domain's transitions, written out here on their own (not read from the
 * table under test): routing or triage from new items, the agency's work, the
 * citizen's one reopening, and the final states.
 */
const EXPECTED = new Set([
  'RECEIVED>ROUTED',
  'RECEIVED>NEEDS_TRIAGE',
  'RECEIVED>REJECTED',
  'RECEIVED>DUPLICATE',
  'NEEDS_TRIAGE>ROUTED',
  'NEEDS_TRIAGE>REJECTED',
  'NEEDS_TRIAGE>DUPLICATE',
  'ROUTED>ROUTED',
  'ROUTED>ACKNOWLEDGED',
  'ROUTED>IN_PROGRESS',
  'ROUTED>RESOLVED',
  'ROUTED>REJECTED',
  'ROUTED>DUPLICATE',
  'ACKNOWLEDGED>ROUTED',
  'ACKNOWLEDGED>IN_PROGRESS',
  'ACKNOWLEDGED>RESOLVED',
  'ACKNOWLEDGED>REJECTED',
  'ACKNOWLEDGED>DUPLICATE',
  'IN_PROGRESS>ROUTED',
  'IN_PROGRESS>RESOLVED',
  'IN_PROGRESS>REJECTED',
  'IN_PROGRESS>DUPLICATE',
  'RESOLVED>CLOSED',
  'RESOLVED>IN_PROGRESS',
]);

/** What the citizen hears of each allowed change, written out on its own too. */
function expectedNotice(from: S, to: S): string | undefined {
  if (from === S.RESOLVED && to === S.IN_PROGRESS) return 'REOPENED';
  return (
    {
      [S.ROUTED]: 'ROUTED',
      [S.RESOLVED]: 'RESOLVED',
      [S.DUPLICATE]: 'MERGED',
      [S.CLOSED]: 'CLOSED',
      [S.REJECTED]: 'REJECTED',
    } as Partial<Record<S, string>>
  )[to];
}

describe('FeedbackLifecycle', () => {
  const lifecycle = new FeedbackLifecycle(new AuditService());
  const pairs = Object.values(S).flatMap((from) =>
    Object.values(S).map((to) => [from, to] as const),
  );

  it.each(pairs)('%s → %s', (from, to) => {
    const persisted: unknown[] = [];
    const unitOfWork = {
      persist: (row: unknown) => persisted.push(row),
    } as unknown as EntityManager;
    const item = { id: 'f-1', status: from, version: 7 } as Feedback;
    const act = () =>
      lifecycle.transition(unitOfWork, item, to, { actor: { type: 'SYSTEM', id: 'test' } });

    if (EXPECTED.has(`${from}>${to}`)) {
      act();
      expect(item.status).toBe(to);
      const notice = expectedNotice(from, to);
      expect(persisted).toHaveLength(notice ? 2 : 1);
      expect(persisted[0]).toBeInstanceOf(AuditEntry);
      expect(persisted[0]).toMatchObject({
        action: 'feedback.status_changed',
        before: { status: from },
        after: { status: to },
      });
      // The citizen's notice, keyed by the version the change gives the item.
      if (notice)
        expect(persisted[1]).toMatchObject({
          jobName: 'notify-citizen',
          jobId: 'notify:f-1:8',
          payload: { key: 'notify:f-1:8', feedbackId: 'f-1', notice },
        });
    } else {
      let error: unknown;
      try {
        act();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('CONFLICT');
      expect((error as DomainError).reason).toBe('intake.illegalTransition');
      expect((error as DomainError).message).toMatch(/Yang diizinkan|sudah final/);
      expect(item.status).toBe(from);
      expect(persisted).toHaveLength(0);
    }
  });
});
