import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import {
  type TestDatabase,
  createTestDatabase,
  graphql,
  uniqueQueuePrefix,
  waitFor,
} from '@suara/testing';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const SUBMIT = `mutation { submitFeedback(input: { cityCode: "MDN", kind: COMPLAINT,
  text: "Sampah di TPS Jalan Merak menumpuk sudah seminggu." }) { trackingCode } }`;

/** `npm start` as a user runs it: the built supervisor with the API and the worker under it. */
describe('npm start (supervisor)', () => {
  let db: TestDatabase;
  let prefix: string;
  let url: string;
  let redis: Redis;
  let supervisor: ChildProcess;
  let output = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = uniqueQueuePrefix();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    // Its own process group, as a terminal gives `npm start`: a Ctrl-C reaches all three.
    supervisor = spawn(process.execPath, ['dist/apps/cli/src/start.js'], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        REDIS_PREFIX: prefix,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        WORKER_HEARTBEAT_MS: '200',
        RESTART_DELAY_MS: '200',
        RESTART_MAX_DELAY_MS: '2000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-32_000));
    supervisor.stdout!.on('data', keep);
    supervisor.stderr!.on('data', keep);
  });
  afterAll(async () => {
    if (supervisor.exitCode === null && supervisor.signalCode === null) {
      process.kill(-supervisor.pid!, 'SIGKILL');
    }
    redis.disconnect();
    await db.drop();
  });

  const diagnose = () => `--- supervisor, API and worker output:\n${output}---`;
  const workerPid = async () => {
    const beat = await redis.get(`${prefix}:worker:heartbeat`);
    return beat ? (JSON.parse(beat) as { pid: number }).pid : undefined;
  };
  const health = async () => {
    const res = await fetch(`${url}/health`);
    return { status: res.status, body: (await res.json()) as { worker: { status: string } } };
  };

  it('keeps taking submissions while the worker is down, and starts the worker again', async () => {
    const first = await waitFor(
      'the API and the worker to be up',
      workerPid,
      60_000,
      100,
      diagnose,
    );
    await waitFor('the API to answer', async () => (await health()).status === 200, 60_000, 100);

    process.kill(first, 'SIGKILL');
    const submitted = await graphql(url, SUBMIT);
    expect(submitted.errors).toBeUndefined();
    const code = submitted.data!.submitFeedback.trackingCode as string;
    expect((await health()).status).toBe(200);

    const second = await waitFor(
      'another worker to beat',
      async () => {
        const pid = await workerPid();
        return pid !== undefined && pid !== first && pid;
      },
      30_000,
      100,
      diagnose,
    );
    expect(alive(first)).toBe(false);
    expect(alive(second)).toBe(true);
    expect((await health()).body.worker.status).toBe('up');

    // What arrived while the worker was down is routed once it is back.
    await waitFor(
      'the submission to be routed',
      async () => {
        const res = await graphql(
          url,
          'query($c: String!) { feedbackStatus(trackingCode: $c) { status } }',
          { c: code },
        );
        return res.data?.feedbackStatus?.status !== 'RECEIVED';
      },
      30_000,
      100,
      diagnose,
    );
  }, 120_000);

  it('stops the API and the worker on Ctrl-C and exits cleanly', async () => {
    const worker = (await workerPid())!;
    const exited = once(supervisor, 'exit');
    process.kill(-supervisor.pid!, 'SIGINT');
    const [code] = (await exited) as [number | null];
    expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
    expect(alive(worker)).toBe(false);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 60_000);
});
