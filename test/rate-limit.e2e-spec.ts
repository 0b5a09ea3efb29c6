import { graphql } from '@suara/testing';
import { startForwardingProxy } from './support/forwarding-proxy.js';
import { SuaraTestStack } from './support/suara-test-stack.js';

const SUBMIT = `mutation Submit($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { trackingCode } }`;
const input = {
  cityCode: 'PMS',
  kind: 'COMPLAINT',
  text: 'Angkot ngetem sembarangan di depan pasar.',
};

describe('rate limiting of public mutations', () => {
  let stack: SuaraTestStack;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({ env: { PUBLIC_RATE_LIMIT: '5' } });
    await stack.startApi(); // a second API process sharing the same Redis counters
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('refuses a client over the limit with RATE_LIMITED, across API processes, and stores nothing', async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await graphql(stack.urlOf(i % 2), SUBMIT, { input }));
    expect(results.every((r) => r.errors === undefined)).toBe(true);

    const refused = await graphql(stack.urlOf(1), SUBMIT, { input });
    expect(refused.data).toBeNull();
    expect(refused.errors![0].extensions).toEqual({
      code: 'RATE_LIMITED',
      reason: 'api.rateLimited',
    });
    expect(refused.errors![0].message).toMatch(/Terlalu banyak kiriman.*coba lagi dalam \d+ detik/);

    const again = await graphql(stack.urlOf(0), SUBMIT, { input });
    expect(again.errors![0].extensions!.code).toBe('RATE_LIMITED');

    const [{ n }] = await stack.sql<{ n: number }>('select count(*)::int as n from feedback');
    expect(n).toBe(5);
  });

  it('does not limit reading a status', async () => {
    for (let i = 0; i < 8; i++) {
      const res = await graphql(
        stack.url,
        '{ feedbackStatus(trackingCode: "ABCDE-23456") { status } }',
      );
      expect(res.errors).toBeUndefined();
    }
  });
});

describe('rate limiting behind a reverse proxy (TRUST_PROXY=1)', () => {
  let stack: SuaraTestStack;
  const proxies: { url: string; close(): Promise<void> }[] = [];

  beforeAll(async () => {
    stack = await SuaraTestStack.start({ env: { PUBLIC_RATE_LIMIT: '5', TRUST_PROXY: '1' } });
    proxies.push(await startForwardingProxy(stack.url, '198.51.100.10'));
    proxies.push(await startForwardingProxy(stack.url, '198.51.100.20'));
  });
  afterAll(async () => {
    for (const proxy of proxies) await proxy.close();
    await stack.stop();
  });

  it('counts the address the proxy saw, whatever X-Forwarded-For the client sends', async () => {
    const [first, second] = proxies;
    const spoofed = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });
    const results = [];
    for (let i = 0; i < 8; i++)
      results.push(await graphql(first.url, SUBMIT, { input }, spoofed(i)));
    expect(results.map((r) => r.errors?.[0].extensions?.code ?? 'OK')).toEqual([
      ...Array(5).fill('OK'),
      ...Array(3).fill('RATE_LIMITED'),
    ]);

    // Another client behind the same proxy has a budget of its own.
    const other = await graphql(second.url, SUBMIT, { input }, spoofed(0));
    expect(other.errors).toBeUndefined();

    const [{ n }] = await stack.sql<{ n: number }>('select count(*)::int as n from feedback');
    expect(n).toBe(6);
  });
});
