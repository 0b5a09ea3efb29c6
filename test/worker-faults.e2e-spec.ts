import { graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import pg from 'pg';
import { QueueName } from '@suara/queue';
import { kill, spawnWorker, workerOutput } from './support/processes.js';

const IMPORT = `mutation Import($sessionId: ID!, $statements: [ForumStatementInput!]!) {
  importForumStatements(sessionId: $sessionId, statements: $statements) { imported duplicates rejected { index reason } } }`;

/** Routing under faults: the worker is a real process here, killed as a server would be. */
describe('worker faults', () => {
  let stack: SuaraTestStack;
  let admin: Record<string, string>;
  let workerEnv: Record<string, string>;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({ env: { WORKER_LOCK_MS: '2000', JOB_BACKOFF_MS: '20' } });
    admin = await stack.login('admin@demo.suara.id');
    const { DATABASE_URL, REDIS_PREFIX } = stack.config.env;
    workerEnv = {
      DATABASE_URL,
      REDIS_PREFIX,
      WORKER_LOCK_MS: '2000',
      JOB_BACKOFF_MS: '20',
      WORKER_CONCURRENCY: '10',
    };
  });
  // Workers spawned here are killed whatever happens to the test that spawned them.
  const spawned: ChildProcess[] = [];
  const startWorker = () => {
    const child = spawnWorker(workerEnv);
    spawned.push(child);
    return child;
  };
  afterAll(async () => {
    for (const child of spawned) await kill(child, 'SIGKILL');
    await stack.stop();
  });

  const counts = async () =>
    (
      await stack.sql<{
        routed: number;
        decisions: number;
        decided: number;
        changes: number;
        changed: number;
      }>(
        `select (select count(*)::int from feedback where status <> 'RECEIVED') as routed,
                (select count(*)::int from routing_decision where kind = 'AUTOMATIC') as decisions,
                (select count(distinct feedback_id)::int from routing_decision) as decided,
                (select count(*)::int from audit_entry where action = 'feedback.status_changed') as changes,
                (select count(distinct subject_id)::int from audit_entry where action = 'feedback.status_changed') as changed`,
      )
    )[0];

  it('routes every item exactly once when the worker is killed with SIGKILL halfway through 2,000', async () => {
    const session = await graphql(
      stack.url,
      'mutation { recordForumSession(input: { cityCode: "MDN", title: "Uji ketahanan", heldOn: "2026-11-21" }) { id } }',
      {},
      admin,
    );
    const sessionId = session.data!.recordForumSession.id;
    const topics = [
      'Sampah di TPS menumpuk',
      'Jalan berlubang di gang',
      'KTP-el belum dicetak',
      'Obat di puskesmas habis',
      'Juru parkir liar minta uang',
    ];
    const statements = Array.from({ length: 2_000 }, (_, i) => ({
      externalRef: `K-${i}`,
      text: `${topics[i % topics.length]}, laporan nomor ${i}.`,
    }));
    const imported = await graphql(stack.url, IMPORT, { sessionId, statements }, admin);
    expect(imported.data!.importForumStatements.imported).toBe(2_000);

    const first = startWorker();
    await waitFor(
      'the first worker to route some items',
      async () => (await counts()).routed >= 300,
      60_000,
      20,
      async () => `${await stack.pipelineState()}\n${workerOutput(first)}`,
    );
    await kill(first, 'SIGKILL');
    const atKill = (await counts()).routed;
    expect(atKill).toBeLessThan(2_000);

    const second = startWorker();
    try {
      await waitFor(
        'every item to be routed',
        async () => (await counts()).routed === 2_000,
        120_000,
        200,
        async () => `${await stack.pipelineState()}\n${workerOutput(second)}`,
      );
    } finally {
      await kill(second, 'SIGTERM');
    }
    expect(await counts()).toEqual({
      routed: 2_000,
      decisions: 2_000,
      decided: 2_000,
      changes: 2_000,
      changed: 2_000,
    });
  }, 180_000);

  it('dead-letters a job that keeps failing, lists it for admins, and routes it on an admin retry', async () => {
    // No active model: every routing attempt throws, as a broken deployment would.
    await stack.sql('update routing_model set active = false');
    const worker = startWorker();
    try {
      const submitted = await graphql(
        stack.url,
        'mutation { submitFeedback(input: { cityCode: "PMS", kind: COMPLAINT, text: "Drainase di Jl. Sutomo tersumbat." }) { trackingCode } }',
      );
      const code = submitted.data!.submitFeedback.trackingCode;
      const failed = await waitFor(
        'the job to be dead-lettered',
        async () => {
          const res = await graphql(
            stack.url,
            '{ failedRoutingJobs { feedbackId trackingCode attemptsMade failedReason } }',
            {},
            admin,
          );
          return res.data?.failedRoutingJobs.find(
            (j: { trackingCode: string }) => j.trackingCode === code,
          );
        },
        30_000,
        200,
      );
      expect(failed.attemptsMade).toBe(6);
      expect(failed.failedReason).toMatch(/No active routing model/);

      const asStaff = await graphql(
        stack.url,
        '{ failedRoutingJobs { feedbackId } }',
        {},
        await stack.login('staff.pms-pupr@demo.suara.id'),
      );
      expect(asStaff.errors![0].extensions!.code).toBe('FORBIDDEN');

      await stack.sql(
        'update routing_model set active = true where version = (select max(version) from routing_model)',
      );
      const retried = await graphql(
        stack.url,
        'mutation($id: ID!) { retryRoutingJob(feedbackId: $id) { feedbackId } }',
        { id: failed.feedbackId },
        admin,
      );
      expect(retried.errors).toBeUndefined();
      await waitFor(
        'the retried item to be routed',
        async () => {
          const [row] = await stack.sql<{ status: string }>(
            'select status from feedback where tracking_code = ?',
            [code],
          );
          return row.status !== 'RECEIVED';
        },
        30_000,
        200,
      );
      const again = await graphql(
        stack.url,
        'mutation($id: ID!) { retryRoutingJob(feedbackId: $id) { feedbackId } }',
        { id: failed.feedbackId },
        admin,
      );
      expect(again.errors![0].extensions!.code).toBe('CONFLICT');
    } finally {
      await kill(worker, 'SIGTERM');
    }
  }, 90_000);

  it('finishes the job in hand on SIGTERM, then exits', async () => {
    const submitted = await graphql(
      stack.url,
      'mutation { submitFeedback(input: { cityCode: "PMS", kind: COMPLAINT, text: "Sampah di pasar belum diangkut." }) { trackingCode } }',
    );
    const [{ id }] = await stack.sql<{ id: string }>(
      'select id from feedback where tracking_code = ?',
      [submitted.data!.submitFeedback.trackingCode],
    );
    // Holding the item's row makes the worker's routing write wait: its job stays in hand
    // for as long as the test likes, instead of the few milliseconds a job takes.
    const holder = new pg.Client({ connectionString: stack.config.env.DATABASE_URL });
    await holder.connect();
    await holder.query('begin');
    await holder.query('select 1 from feedback where id = $1 for update', [id]);
    const queue = new Queue(QueueName.Routing, {
      connection: { url: stack.config.env.REDIS_URL },
      prefix: stack.config.env.REDIS_PREFIX,
    });
    const worker = startWorker();
    try {
      await waitFor(
        'the worker to hold the job, its write waiting on the row',
        async () => {
          const state = await (await queue.getJob(id))?.getState();
          const [{ waiting }] = await stack.sql<{ waiting: number }>(
            `select count(*)::int as waiting from pg_stat_activity
              where datname = current_database() and wait_event_type = 'Lock'`,
          );
          return state === 'active' && waiting > 0;
        },
        30_000,
        50,
        async () => `${await stack.pipelineState()}\n${workerOutput(worker)}`,
      );
      const exited = once(worker, 'exit');
      worker.kill('SIGTERM');
      // It waits for the job in hand rather than dropping it.
      await sleep(1_000);
      expect(worker.exitCode).toBeNull();
      expect(worker.signalCode).toBeNull();

      const released = Date.now();
      await holder.query('commit');
      await exited;
      expect(worker.exitCode === 0 || worker.signalCode === 'SIGTERM').toBe(true);
      expect(Date.now() - released).toBeLessThan(15_000);

      // Completed by this worker, before it exited: routed by the job itself, once.
      const job = await queue.getJob(id);
      expect(await job!.getState()).toBe('completed');
      expect(job!.returnvalue).toBe('ROUTED');
      const [row] = await stack.sql<{ status: string; decisions: number }>(
        `select status, (select count(*)::int from routing_decision where feedback_id = f.id) as decisions
           from feedback f where id = ?`,
        [id],
      );
      expect(row).toEqual({ status: 'ROUTED', decisions: 1 });
    } finally {
      await holder.end();
      await queue.close();
    }
  }, 60_000);
});
