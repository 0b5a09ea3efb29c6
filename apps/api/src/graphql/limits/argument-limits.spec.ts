import { buildSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { checkArgumentLimits } from './check-argument-limits.js';
import { undeclaredArgumentLimits } from './assert-limits-declared.js';

// The committed schema is what the API serves (CI fails when it drifts).
const schema = buildSchema(readFileSync('schema.gql', 'utf8'));

function refusal(query: string, variables?: Record<string, unknown>) {
  try {
    checkArgumentLimits(schema, parse(query), variables);
    return undefined;
  } catch (error) {
    const e = error as { message: string; extensions: Record<string, unknown> };
    return {
      message: e.message,
      code: e.extensions.code,
      reason: e.extensions.reason,
      field: e.extensions.field,
    };
  }
}

describe('argument limits', () => {
  it('declares a limit for every String, number and list argument the schema has, and no others', () => {
    expect(undeclaredArgumentLimits(schema)).toEqual({ missing: [], unknown: [] });
  });

  it('refuses a login e-mail of 9 MB before anything runs, naming the field', () => {
    const email = 'a'.repeat(9 * 1024 * 1024) + '@x.id';
    expect(
      refusal('mutation($e: String!) { login(email: $e, password: "x") { accessToken } }', {
        e: email,
      }),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'input.tooLong',
      field: 'email',
      message: expect.stringContaining('paling banyak 254 karakter'),
    });
  });

  it('names fields inside an input object as the forms know them', () => {
    const query = `mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode } }`;
    const input = { cityCode: 'MDN', kind: 'COMPLAINT', text: 'Jalan rusak' };
    expect(refusal(query, { i: input })).toBeUndefined();
    expect(refusal(query, { i: { ...input, reporter: { name: 'n'.repeat(121) } } })?.field).toBe(
      'reporter.name',
    );
    expect(refusal(query, { i: { ...input, cityCode: "MDN'; drop" } })).toMatchObject({
      field: 'cityCode',
      reason: 'input.notACode',
    });
  });

  it('checks literals as well as variables', () => {
    expect(refusal(`{ feedbackQueue(first: 101) { totalCount } }`)).toMatchObject({
      field: 'first',
      reason: 'input.outOfRange',
      message: 'Nilai first harus antara 1 dan 100.',
    });
    expect(refusal(`{ feedbackQueue(first: 100) { totalCount } }`)).toBeUndefined();
  });

  it('requires IDs to be UUIDs unless declared otherwise', () => {
    expect(refusal(`{ feedback(id: "1 or 1=1") { id } }`)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'input.notAnId',
      field: 'id',
    });
    expect(
      refusal(`{ feedback(id: "0b6f3c2a-9d1e-4f5a-8b7c-6d5e4f3a2b1c") { id } }`),
    ).toBeUndefined();
  });

  it('limits the number of items in a list and checks each item', () => {
    const statements = Array.from({ length: 3 }, (_, i) => ({ externalRef: `r${i}`, text: 'x' }));
    const query = `mutation($s: [ForumStatementInput!]!) {
      importForumStatements(sessionId: "0b6f3c2a-9d1e-4f5a-8b7c-6d5e4f3a2b1c", statements: $s) { imported } }`;
    expect(refusal(query, { s: statements })).toBeUndefined();
    statements[2].externalRef = 'r'.repeat(129);
    expect(refusal(query, { s: statements })?.field).toBe('statements[2].externalRef');
    const tooMany = Array.from({ length: 10_001 }, (_, i) => ({ externalRef: `r${i}`, text: 'x' }));
    expect(refusal(query, { s: tooMany })).toMatchObject({
      field: 'statements',
      reason: 'input.tooManyItems',
    });
  });

  it('leaves values GraphQL cannot coerce to execution, which names them', () => {
    expect(
      refusal('mutation($e: String!) { login(email: $e, password: "x") { accessToken } }', {
        e: 42,
      }),
    ).toBeUndefined();
  });
});
