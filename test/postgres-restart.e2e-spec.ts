import type { ChildProcess } from 'node:child_process';
import { PrivatePostgres, graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { kill, runCli, spawnWorker, workerOutput } from './support/processes.js';

const SUBMIT = `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { trackingCode } }`;

describe('PostgreSQL restarting under a running worker', () => {
  let pg: PrivatePostgres;
  let stack: SuaraTestStack;
  let worker: ChildProcess;

  beforeAll(async () => {
    pg = await PrivatePostgres.start();
    const url = pg.url('suara');
    runCli('db:setup', { DATABASE_URL: url });
    stack = await SuaraTestStack.start({
      env: { DATABASE_URL: url, JOB_BACKOFF_MS: '200' },
      ownDatabase: true,
    });
    worker = spawnWorker({
      DATABASE_URL: url,
      REDIS_PREFIX: stack.config.env.REDIS_PREFIX,
      JOB_BACKOFF_MS: '200',
    });
  });
  afterAll(async () => {
    if (worker) await kill(worker, 'SIGKILL');
    await stack?.stop();
    pg?.stop();
  });

  const diagnose = async () => `${await stack.pipelineState()}\n${workerOutput(worker)}`;
  const routed = async () =>
    (
      await stack.sql<{ n: number }>(
        "select count(*)::int as n from feedback where status <> 'RECEIVED'",
      )
    )[0].n;

  it('keeps routing after the database restarts, without restarting the worker, and still stops cleanly', async () => {
    const submit = (i: number) =>
      graphql(stack.url, SUBMIT, {
        input: {
          cityCode: 'KTC',
          kind: 'COMPLAINT',
          text: `Sampah menumpuk di pasar, laporan ${i}`,
        },
      });
    for (let i = 0; i < 20; i++) expect((await submit(i)).errors).toBeUndefined();
    await waitFor(
      'the first items to be routed',
      async () => (await routed()) === 20,
      60_000,
      200,
      diagnose,
    );

    pg.restart();

    // The pools notice dead connections and open new ones; submissions work again.
    await waitFor(
      'submissions to be accepted again',
      async () => (await submit(100)).errors === undefined,
      20_000,
      200,
    );
    for (let i = 21; i < 40; i++) expect((await submit(i)).errors).toBeUndefined();
    await waitFor(
      'every item to be routed',
      async () => (await routed()) === 40,
      60_000,
      200,
      diagnose,
    );

    const stopping = Date.now();
    await kill(worker, 'SIGTERM');
    expect(worker.signalCode === 'SIGTERM' || worker.exitCode === 0).toBe(true);
    expect(Date.now() - stopping).toBeLessThan(10_000);
  }, 180_000);
});
