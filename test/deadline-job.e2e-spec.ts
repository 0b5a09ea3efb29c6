import { graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { routedItem } from './support/triage-items.js';

/** The worker's repeatable deadline job, on its schedule, not called by hand. */
describe('the deadline watch as a scheduled job', () => {
  let stack: SuaraTestStack;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({ env: { DEADLINE_WATCH_EVERY_MS: '1000' }, worker: true });
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('escalates an overdue item and closes an unrated resolution without anyone asking', async () => {
    const late = await routedItem(stack, 'PMS-PUPR');
    const resolved = await routedItem(stack, 'PMS-PUPR');
    const staff = await stack.login('staff.pms-pupr@demo.suara.id');
    await graphql(
      stack.url,
      'mutation($id: ID!) { resolveFeedback(id: $id, resolution: "Jalan sudah ditambal.") { status } }',
      { id: resolved.id },
      staff,
    );
    await stack.sql(`update feedback set sla_due_at = now() - interval '1 day' where id = ?`, [
      late.id,
    ]);
    await stack.sql(`update feedback set close_due_at = now() - interval '1 day' where id = ?`, [
      resolved.id,
    ]);

    const coordinator = await stack.login('coordinator.pms@demo.suara.id');
    const escalation = await waitFor(
      'the escalation to reach the coordinator',
      async () => {
        const res = await graphql(
          stack.url,
          '{ escalations { feedbackId agencyCode } }',
          {},
          coordinator,
        );
        return res.data?.escalations.find((e: { feedbackId: string }) => e.feedbackId === late.id);
      },
      15_000,
      200,
    );
    expect(escalation.agencyCode).toBe('PMS-PUPR');
    await waitFor(
      'the unrated resolution to close',
      async () => {
        const [row] = await stack.sql<{ status: string }>(
          'select status from feedback where id = ?',
          [resolved.id],
        );
        return row.status === 'CLOSED';
      },
      15_000,
      200,
    );
    const [closing] = await stack.sql<{ actor_type: string; actor_id: string }>(
      `select actor_type, actor_id from audit_entry
        where subject_id = ? and action = 'feedback.status_changed' order by id desc limit 1`,
      [resolved.id],
    );
    expect(closing).toEqual({ actor_type: 'SYSTEM', actor_id: 'deadline-watch' });
  });
});
