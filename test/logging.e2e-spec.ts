import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  type TestDatabase,
  createTestDatabase,
  graphql,
  uniqueQueuePrefix,
  waitFor,
} from '@suara/testing';
import { kill, spawnWorker, workerOutput } from './support/processes.js';

type LogLine = Record<string, unknown> & { level: number; msg: string };

/**
 * What an operator reads: the built API and worker as `npm start` runs them,
 * their stdout a pipe (as under a log collector), so each line is JSON.
 */
describe('logs', () => {
  let db: TestDatabase;
  let prefix: string;
  let api: ChildProcess;
  let output = '';
  const lines = (): LogLine[] =>
    output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as LogLine);
  const diagnose = () => `--- API output:\n${output}---`;

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = uniqueQueuePrefix();
    api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_PREFIX: prefix,
        PORT: '0',
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'auto',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  });
  afterAll(async () => {
    await kill(api, 'SIGKILL');
    await db.drop();
  });

  it('says where the form and the API are, logs refusals by code and operation, never headers, and says when it stopped', async () => {
    const ready = await waitFor(
      'the start-up line',
      async () => lines().find((l) => l.msg.startsWith('Suara API siap')),
      60_000,
      100,
      diagnose,
    );
    const base = /formulir (http:\/\/localhost:\d+)\//.exec(ready.msg)![1];
    expect(ready.msg).toBe(
      `Suara API siap: formulir ${base}/ · lacak ${base}/lacak · GraphQL ${base}/graphql`,
    );

    // Nest's line per module and per route is detail, kept for LOG_LEVEL=debug.
    expect(
      lines().filter((l) => l.context === 'InstanceLoader' || l.context === 'RouterExplorer'),
    ).toEqual([]);

    const marker = 'do-not-log-me-7f3c2a91';
    const headers = { authorization: `Bearer ${marker}`, 'x-trace-marker': marker };
    const refused = await graphql(
      base,
      'query Lookup($code: String!) { feedbackStatus(trackingCode: $code) { status } }',
      { code: 'X'.repeat(40) },
    );
    expect(refused.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const denied = await graphql(
      base,
      'query Queue { feedbackQueue(first: 5) { totalCount } }',
      {},
      headers,
    );
    expect(denied.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const fine = await graphql(base, 'query Cities { cities { code } }');
    expect(fine.errors).toBeUndefined();
    expect((await fetch(`${base}/lacak`, { headers })).status).toBe(200);

    await waitFor('the refusals logged', async () =>
      lines().some((l) => l.operationName === 'Queue'),
    );
    const lookup = lines().find((l) => l.operationName === 'Lookup')!;
    expect(lookup).toMatchObject({
      level: 30, // info: the client can fix it
      operationType: 'query',
      code: 'BAD_USER_INPUT',
      msg: 'query Lookup: BAD_USER_INPUT',
    });
    expect(lines().find((l) => l.operationName === 'Queue')).toMatchObject({
      level: 40, // warn: someone without a token at the staff queue
      code: 'UNAUTHENTICATED',
      msg: 'query Queue: UNAUTHENTICATED',
    });
    // A successful operation and the GraphQL requests themselves are not logged at info.
    expect(lines().filter((l) => l.operationName === 'Cities')).toEqual([]);
    expect(lines().filter((l) => /^POST \/graphql/.test(l.msg))).toEqual([]);
    // Other requests: one short line, without headers.
    const page = await waitFor(
      'the page request logged',
      async () => lines().find((l) => l.msg.startsWith('GET /lacak')),
      5_000,
      50,
      diagnose,
    );
    expect(page).toMatchObject({
      level: 30,
      msg: expect.stringMatching(/^GET \/lacak 200 \(\d+ ms\)$/),
    });
    expect(output).not.toContain(marker);
    expect(output).not.toMatch(/"headers"|user-agent|"statusCode":200.*\/graphql/i);

    const exited = once(api, 'exit');
    api.kill('SIGTERM');
    await exited;
    expect(lines().at(-1)).toMatchObject({
      level: 30,
      msg: 'Suara API berhenti dengan rapi (SIGTERM)',
    });
  });

  it('has the worker say it started and that it stopped', async () => {
    const worker = spawnWorker({ DATABASE_URL: db.url, REDIS_PREFIX: prefix, LOG_FORMAT: 'auto' });
    try {
      await waitFor(
        'the worker start-up line',
        async () => workerOutput(worker).includes('Suara worker siap'),
        60_000,
        100,
        () => workerOutput(worker),
      );
      const exited = once(worker, 'exit');
      worker.kill('SIGTERM');
      await exited;
      expect(workerOutput(worker)).toMatch(
        /"msg":"Suara worker siap: antrean routing dan maintenance[^"]*"/,
      );
      expect(workerOutput(worker)).toMatch(/"msg":"Suara worker berhenti dengan rapi \(SIGTERM\)"/);
    } finally {
      await kill(worker, 'SIGKILL');
    }
  });
});
