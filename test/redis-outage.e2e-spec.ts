import { PrivateRedis, graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';

const SUBMIT = `mutation Submit($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { trackingCode status } }`;

describe('submissions while Redis is down', () => {
  let redis: PrivateRedis;
  let stack: SuaraTestStack;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    stack = await SuaraTestStack.start({ env: { REDIS_URL: redis.url }, worker: true });
  });
  afterAll(async () => {
    await stack.stop();
    await redis.kill();
  });

  const routedCount = async () =>
    (
      await stack.sql<{ n: number }>(
        "select count(*)::int as n from feedback where status in ('ROUTED', 'NEEDS_TRIAGE')",
      )
    )[0].n;

  it('accepts every submission, reports unhealthy, and routes them all once Redis is back', async () => {
    await redis.kill();

    const codes: string[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await graphql(stack.url, SUBMIT, {
        input: {
          cityCode: 'MDN',
          kind: 'COMPLAINT',
          text: `Laporan ${i} saat antrean mati: sampah belum diangkut.`,
          agencyCode: i % 2 ? 'MDN-DLH' : null,
        },
      });
      expect(res.errors).toBeUndefined();
      codes.push(res.data!.submitFeedback.trackingCode);
    }
    expect(new Set(codes).size).toBe(200);

    const health = await fetch(`${stack.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ error: { redis: { status: 'down' } } });

    const [{ waiting }] = await stack.sql<{ waiting: number }>(
      'select count(*)::int as waiting from outbox_message',
    );
    expect(waiting).toBe(200);
    expect(await routedCount()).toBe(0);

    await redis.resume();

    await waitFor(
      'every item to be routed',
      async () => (await routedCount()) === 200,
      30_000,
      50,
      () => stack.pipelineState(),
    );
    // Routing queues each item's insight analysis through the outbox too: nothing is
    // lost, so the outbox empties once the relay has handed those over as well.
    const afterwards = () =>
      stack.sql<{ outbox: number; decisions: number }>(
        `select (select count(*)::int from outbox_message) as outbox,
                (select count(*)::int from audit_entry where action = 'feedback.status_changed') as decisions`,
      );
    await waitFor(
      'the outbox to be relayed',
      async () => (await afterwards())[0].outbox === 0,
      30_000,
      50,
    );
    expect((await afterwards())[0]).toEqual({ outbox: 0, decisions: 200 });
    // The API's own Redis client reconnects on its back-off (up to 2 s), independently
    // of the queue's connections that routed the items: healthy again within a few seconds.
    await waitFor(
      'the health check to report Redis up again',
      async () => (await fetch(`${stack.url}/health`)).status === 200,
      10_000,
      100,
    );
  });
});
