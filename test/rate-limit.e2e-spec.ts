import { graphql } from '@suara/testing';
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
    expect(refused.errors![0].extensions).toEqual({ code: 'RATE_LIMITED' });
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
