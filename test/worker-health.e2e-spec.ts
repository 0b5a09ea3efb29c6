import type { ChildProcess } from 'node:child_process';
import { waitFor } from '@suara/testing';
import { kill, spawnWorker, workerOutput } from './support/processes.js';
import { SuaraTestStack } from './support/suara-test-stack.js';

const HEARTBEAT_MS = '200';

interface HealthBody {
  status: string;
  worker?: { status: string; lastSeenAt?: string };
}

/** /health tells whether a worker beat recently, and stays ready without one. */
describe('worker heartbeat in /health', () => {
  let stack: SuaraTestStack;
  let worker: ChildProcess | undefined;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({ env: { WORKER_HEARTBEAT_MS: HEARTBEAT_MS } });
  });
  afterAll(async () => {
    if (worker) await kill(worker, 'SIGKILL');
    await stack.stop();
  });

  const health = async () => {
    const res = await fetch(`${stack.url}/health`);
    return { status: res.status, body: (await res.json()) as HealthBody };
  };

  it('reports the worker up while one runs and down once it stops, staying 200 throughout', async () => {
    const before = await health();
    expect(before).toMatchObject({
      status: 200,
      body: { status: 'ok', worker: { status: 'down' } },
    });

    const { DATABASE_URL, REDIS_PREFIX } = stack.config.env;
    worker = spawnWorker({ DATABASE_URL, REDIS_PREFIX, WORKER_HEARTBEAT_MS: HEARTBEAT_MS });
    const up = await waitFor(
      'the worker to be reported up',
      async () => {
        const now = await health();
        return now.body.worker?.status === 'up' && now;
      },
      60_000,
      100,
      () => workerOutput(worker!),
    );
    expect(up.status).toBe(200);
    expect(Date.now() - Date.parse(up.body.worker!.lastSeenAt!)).toBeLessThan(5_000);
    // Which process and host it was stays out of a public answer.
    expect(Object.keys(up.body.worker!).sort()).toEqual(['lastSeenAt', 'status']);

    await kill(worker, 'SIGKILL');
    const down = await waitFor(
      'the worker to be reported down',
      async () => {
        const now = await health();
        return now.body.worker?.status === 'down' && now;
      },
      5_000,
      100,
    );
    expect(down).toMatchObject({ status: 200, body: { status: 'ok' } });
  }, 90_000);
});
