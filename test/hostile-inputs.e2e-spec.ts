import fc from 'fast-check';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLField, GraphQLSchema } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { type HostileCall, hostileCalls } from './support/hostile-values.js';

/**
 * Property: whatever an attacker sends to any operation, over HTTP or WebSocket,
 * the answer is never a 5xx or an INTERNAL_SERVER_ERROR, every refusal carries a
 * code of the contract, and a refused call leaves every table as it was.
 * Operations are taken from the schema, so new ones are attacked too.
 */
const CONTRACT_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
]);
// Refused logins are audited on purpose (who tried which account).
const AUDITED_REFUSALS = new Set(['login']);
// Slow on purpose (trains a model); it takes no arguments to attack.
const SKIP = new Set(['retrainRouter']);

type Errors = { message: string; extensions?: { code?: string } }[] | undefined;

describe('hostile input to every operation', () => {
  let stack: SuaraTestStack;
  let admin: Record<string, string>;
  let schema: GraphQLSchema;
  let tables: string[];

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    admin = await stack.login('admin@demo.suara.id');
    schema = stack.apis[0].get(GraphQLSchemaHost).schema;
    tables = (
      await stack.sql<{ name: string }>(
        `select table_name as name from information_schema.tables
          where table_schema = 'public' and table_type = 'BASE TABLE'
            and table_name not like 'mikro_orm%'`,
      )
    ).map((t) => t.name);
  });
  afterAll(() => stack.stop());

  const rowCounts = async (): Promise<Record<string, number>> => {
    const [row] = await stack.sql<Record<string, number>>(
      `select ${tables.map((t) => `(select count(*)::int from "${t}") as "${t}"`).join(', ')}`,
    );
    return row;
  };

  const operations = (): { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }[] =>
    (['query', 'mutation'] as const).flatMap((kind) =>
      Object.values(
        (kind === 'query' ? schema.getQueryType() : schema.getMutationType())!.getFields(),
      )
        .filter((f) => f.args.length > 0 && !SKIP.has(f.name))
        .map((field) => ({ kind, field })),
    );

  const expectContractErrors = (call: HostileCall, errors: Errors) => {
    for (const error of errors ?? []) {
      const code = error.extensions?.code ?? 'none';
      if (!CONTRACT_CODES.has(code))
        throw new Error(
          `${call.operation} answered ${code}: ${error.message}\n` +
            `variables: ${JSON.stringify(call.variables).slice(0, 500)}`,
        );
      expect(error.message).not.toMatch(/\bat .+\.(js|ts):\d+/);
    }
  };

  const expectNothingHalfStored = async (
    call: HostileCall,
    before: Record<string, number>,
    errors: Errors,
  ) => {
    if (!errors?.length) return;
    const after = await rowCounts();
    if (AUDITED_REFUSALS.has(call.operation)) {
      delete before.audit_entry;
      delete after.audit_entry;
    }
    expect({ operation: call.operation, rows: after }).toEqual({
      operation: call.operation,
      rows: before,
    });
  };

  it('over HTTP: never a 5xx, always a contract code, nothing half-stored', async () => {
    for (const { kind, field } of operations()) {
      await fc.assert(
        fc.asyncProperty(
          hostileCalls(schema, kind, field),
          fc.boolean(),
          async (call, signedIn) => {
            const before = await rowCounts();
            const res = await graphql(stack.url, call.query, call.variables, signedIn ? admin : {});
            expect({ operation: call.operation, status: res.status < 500 }).toEqual({
              operation: call.operation,
              status: true,
            });
            expectContractErrors(call, res.errors);
            await expectNothingHalfStored(call, before, res.errors);
          },
        ),
        { numRuns: 25 },
      );
    }
  }, 240_000);

  it('over WebSocket: the same answers, and the connection survives them', async () => {
    const client: Client = createClient({
      url: `${stack.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: admin.authorization },
      retryAttempts: 0,
    });
    const send = (call: HostileCall) =>
      new Promise<Errors>((resolve, reject) => {
        let errors: Errors;
        client.subscribe(
          { query: call.query, variables: call.variables },
          {
            next: (result) => (errors = result.errors as Errors),
            error: (error) =>
              Array.isArray(error)
                ? resolve(error as Errors)
                : reject(new Error(`${call.operation} dropped the connection: ${String(error)}`)),
            complete: () => resolve(errors),
          },
        );
      });
    try {
      for (const { kind, field } of operations()) {
        await fc.assert(
          fc.asyncProperty(hostileCalls(schema, kind, field), async (call) => {
            const before = await rowCounts();
            const errors = await send(call);
            expectContractErrors(call, errors);
            await expectNothingHalfStored(call, before, errors);
          }),
          { numRuns: 10 },
        );
      }
    } finally {
      await client.dispose();
    }
  }, 240_000);
});
