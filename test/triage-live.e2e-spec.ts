import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { routedItem } from './support/triage-items.js';

/** Live queue updates reach a subscriber on another API process, scoped like the queue. */
describe('live queue over graphql-ws and Redis pub/sub', () => {
  let stack: SuaraTestStack;
  let client: Client | undefined;

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    await stack.startApi();
  });
  afterAll(async () => {
    await client?.dispose();
    await stack.stop();
  });

  /** Subscribes on the second API process; events (and any error) land in `into`. */
  const subscribe = (token: string, into: Record<string, unknown>[]) => {
    client = createClient({
      url: `${stack.urlOf(1).replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: token },
      lazy: false,
    });
    client.subscribe(
      {
        query:
          'subscription { feedbackQueueChanged { feedbackId status agencyCode previousAgencyCode } }',
      },
      {
        next: (msg) => into.push(msg.data!.feedbackQueueChanged as Record<string, unknown>),
        error: (error) => into.push({ error: JSON.stringify(error) }),
        complete: () => undefined,
      },
    );
  };

  it("tells staff about their agency's items only, including one rerouted away", async () => {
    const received: Record<string, unknown>[] = [];
    const staff = await stack.login('staff.mdn-dlh@demo.suara.id');
    subscribe(staff.authorization, received);
    // The server subscribes to Redis asynchronously: send probes until one arrives,
    // so the test starts once the subscription is live, however slow the machine.
    const probe = await waitFor(
      'the subscription to be live',
      async () => {
        const item = await routedItem(stack, 'MDN-DLH');
        await new Promise((r) => setTimeout(r, 200));
        return received.some((e) => e.feedbackId === item.id) && item;
      },
      20_000,
      0,
    );
    expect(probe).toBeTruthy();
    received.length = 0;

    const mine = await routedItem(stack, 'MDN-DLH');
    await routedItem(stack, 'MDN-PUPR');
    await graphql(
      stack.url,
      'mutation($id: ID!) { acknowledgeFeedback(id: $id) { id } }',
      { id: mine.id },
      staff,
    );
    await graphql(
      stack.url,
      'mutation($id: ID!) { rerouteFeedback(id: $id, agencyCode: "MDN-PUPR", reason: "Saluran air") { id } }',
      { id: mine.id },
      staff,
    );

    await waitFor('three events for MDN-DLH', async () => received.length >= 3, 10_000);
    expect(received).toEqual([
      { feedbackId: mine.id, status: 'ROUTED', agencyCode: 'MDN-DLH', previousAgencyCode: null },
      {
        feedbackId: mine.id,
        status: 'ACKNOWLEDGED',
        agencyCode: 'MDN-DLH',
        previousAgencyCode: null,
      },
      {
        feedbackId: mine.id,
        status: 'ROUTED',
        agencyCode: 'MDN-PUPR',
        previousAgencyCode: 'MDN-DLH',
      },
    ]);
  });

  it('refuses a subscription without a valid token', async () => {
    const anonymous = createClient({
      url: `${stack.urlOf(1).replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: {},
      retryAttempts: 0,
    });
    try {
      const outcome = await new Promise<unknown>((resolve) => {
        anonymous.subscribe(
          { query: 'subscription { feedbackQueueChanged { feedbackId } }' },
          { next: resolve, error: resolve, complete: () => resolve('complete') },
        );
      });
      // Refused at connection_init, before any operation: 4403 Forbidden.
      expect(outcome).toMatchObject({ code: 4403 });
    } finally {
      await anonymous.dispose();
    }
  });
});
