import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { QueueName } from '@suara/queue';
import { graphql, waitFor } from '@suara/testing';
import { kill, spawnWorker, workerOutput } from './support/processes.js';
import { SmtpMailbox } from './support/smtp-mailbox.js';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { TEXT_FOR } from './support/triage-items.js';

const SUBMIT = `mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode } }`;
const RESPOND = `mutation($id: ID!, $m: String!) { respondToFeedback(id: $id, message: $m) { status } }`;

/**
 * Notices under faults, with the built worker as its own process: a mail server
 * that is down, a worker killed in the middle of a send. Each change still
 * reaches the citizen exactly once.
 */
describe('notifications under faults', () => {
  let stack: SuaraTestStack;
  let mailbox: SmtpMailbox;
  let staff: Record<string, string>;
  let queue: Queue;
  let workerEnv: Record<string, string>;
  const spawned: ChildProcess[] = [];
  const startWorker = () => {
    const child = spawnWorker(workerEnv);
    spawned.push(child);
    return child;
  };

  beforeAll(async () => {
    mailbox = await SmtpMailbox.start();
    stack = await SuaraTestStack.start();
    staff = await stack.login('staff.mdn-dlh@demo.suara.id');
    const { DATABASE_URL, REDIS_PREFIX, REDIS_URL } = stack.config.env;
    workerEnv = {
      DATABASE_URL,
      REDIS_PREFIX,
      SMTP_URL: mailbox.url,
      WORKER_LOCK_MS: '2000',
      JOB_BACKOFF_MS: '50',
    };
    queue = new Queue(QueueName.Notifications, {
      connection: { url: REDIS_URL },
      prefix: REDIS_PREFIX,
    });
  });
  afterAll(async () => {
    for (const child of spawned) await kill(child, 'SIGKILL');
    await queue.close();
    await stack.stop();
    await mailbox.stop();
  });

  let n = 0;
  async function submit() {
    const email = `tahan${++n}@contoh.id`;
    const res = await graphql(stack.url, SUBMIT, {
      i: {
        cityCode: 'MDN',
        kind: 'COMPLAINT',
        text: TEXT_FOR.DLH,
        agencyCode: 'MDN-DLH',
        reporter: { email },
      },
    });
    const [{ id }] = await stack.sql<{ id: string }>(
      'select id from feedback where tracking_code = ?',
      [res.data!.submitFeedback.trackingCode],
    );
    return { id, email };
  }
  const sent = async (id: string) =>
    (
      await stack.sql<{ n: number }>(
        'select count(*)::int as n from notification where feedback_id = ?',
        [id],
      )
    )[0].n;

  it('keeps every notice through an SMTP outage and sends each once when the server is back', async () => {
    await mailbox.stop();
    const worker = startWorker();
    const diagnose = async () => `${await stack.pipelineState()}\n${workerOutput(worker)}`;
    try {
      const items = [await submit(), await submit()];
      // The worker routes them; each routing notice fails and waits for its retry.
      await waitFor(
        'the routing notices to fail at least twice',
        async () => {
          const jobs = await queue.getJobs(['delayed', 'waiting', 'active']);
          return jobs.length === 2 && jobs.every((j) => j.attemptsMade >= 2);
        },
        30_000,
        50,
        diagnose,
      );
      await graphql(stack.url, RESPOND, { id: items[0].id, m: 'Akan kami cek besok.' }, staff);
      expect(mailbox.messages).toHaveLength(0);
      expect(await sent(items[0].id)).toBe(0);

      await mailbox.listen();
      await waitFor(
        'every notice to arrive',
        async () =>
          mailbox.to(items[0].email).length === 2 && mailbox.to(items[1].email).length === 1,
        60_000,
        50,
        diagnose,
      );
      await sleep(1_000);
      expect(mailbox.to(items[0].email).map((m) => m.subject.replace(/^.*?: /, ''))).toEqual(
        expect.arrayContaining(['diteruskan ke instansi', 'ada tanggapan instansi']),
      );
      expect(mailbox.to(items[1].email)).toHaveLength(1);
      expect(await sent(items[0].id)).toBe(2);
      expect(await sent(items[1].id)).toBe(1);
      // What the queue keeps about the failures names no address.
      const failures = (await queue.getJobs(['completed'])).flatMap((j) => j.stacktrace ?? []);
      expect(JSON.stringify(failures)).not.toMatch(/@contoh\.id/);
    } finally {
      await kill(worker, 'SIGTERM');
    }
  }, 120_000);

  it('sends a notice once when the worker is killed while sending it', async () => {
    mailbox.holding = true;
    const first = startWorker();
    const item = await submit();
    try {
      await waitFor(
        'the worker to be in the middle of sending',
        async () => mailbox.held.length > 0,
        30_000,
        50,
        async () => `${await stack.pipelineState()}\n${workerOutput(first)}`,
      );
      await kill(first, 'SIGKILL');
    } finally {
      mailbox.holding = false;
    }
    // The dead worker's connection is let through now: nothing must come of it.
    for (const release of mailbox.held.splice(0)) release();
    expect(await sent(item.id)).toBe(0);

    const second = startWorker();
    try {
      await waitFor(
        'the notice to arrive from the second worker',
        async () => mailbox.to(item.email).length > 0,
        30_000,
        50,
        async () => `${await stack.pipelineState()}\n${workerOutput(second)}`,
      );
      await sleep(1_500);
      expect(mailbox.to(item.email)).toHaveLength(1);
      expect(await sent(item.id)).toBe(1);
    } finally {
      await kill(second, 'SIGTERM');
    }
  }, 90_000);
});
