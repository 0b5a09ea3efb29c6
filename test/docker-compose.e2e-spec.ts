import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dropDatabase } from '@suara/database';
import { graphql, uniqueQueuePrefix, waitFor } from '@suara/testing';
import { ComposeFile, imageEnvironment } from './support/compose-file.js';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * `docker compose up` without Docker: the built setup command, API and worker
 * started with exactly the environment docker-compose.yml and the image give
 * them. Only what the containers' network would provide is replaced: the
 * PostgreSQL and Redis host names become 127.0.0.1, and the database, key
 * prefix and port are this test's own.
 */
describe('docker-compose.yml', () => {
  const compose = new ComposeFile();
  // What a user puts in .env, as the compose file and the README ask.
  const dotEnv = { JWT_SECRET: randomBytes(36).toString('base64') };
  const database = `suara_t_${process.env.SUARA_TEST_RUN}_compose_${randomBytes(4).toString('hex')}`;
  const prefix = uniqueQueuePrefix();
  const processes: ChildProcess[] = [];
  let output = '';
  let databaseUrl: string | undefined;

  afterAll(async () => {
    for (const child of processes) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    if (databaseUrl) await dropDatabase(databaseUrl);
  });

  const onThisMachine = (service: string, extra: Record<string, string> = {}) => {
    const env = { ...imageEnvironment(), ...compose.environment(service, dotEnv) };
    const db = new URL(env.DATABASE_URL);
    expect(db.hostname).toBe('postgres');
    db.hostname = '127.0.0.1';
    db.pathname = `/${database}`;
    const redis = new URL(env.REDIS_URL);
    expect(redis.hostname).toBe('redis');
    redis.hostname = '127.0.0.1';
    databaseUrl = db.toString();
    return {
      ...env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.toString(),
      REDIS_PREFIX: prefix,
      ...extra,
    };
  };
  const args = (service: string) => {
    const [program, ...rest] = compose.command(service);
    expect(program).toBe('node');
    return rest;
  };
  const start = (service: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, args(service), {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) =>
      (output = (output + `[${service}] ${chunk.toString()}`).slice(-32_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    processes.push(child);
    return child;
  };
  const diagnose = () => `--- API and worker output:\n${output}---`;

  it('tells a user without JWT_SECRET in .env what to set, for every Suara service', () => {
    for (const service of ['setup', 'api', 'worker']) {
      expect(() => compose.environment(service, {})).toThrow(/JWT_SECRET.*\.env/);
    }
  });

  it('runs in production mode: setup, API and worker boot, /health answers, a submission is routed', async () => {
    expect(imageEnvironment().NODE_ENV).toBe('production');
    execFileSync(process.execPath, args('setup'), {
      env: onThisMachine('setup'),
      stdio: ['ignore', 'ignore', 'inherit'],
    });

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    start('api', onThisMachine('api', { PORT: String(port) }));
    start('worker', onThisMachine('worker'));

    const health = await waitFor(
      'the API to report itself and a worker up',
      async () => {
        const res = await fetch(`${url}/health`);
        const body = (await res.json()) as { worker?: { status: string } };
        return res.status === 200 && body.worker?.status === 'up' && body;
      },
      60_000,
      200,
      diagnose,
    );
    expect(health).toMatchObject({ status: 'ok' });

    const submitted = await graphql(
      url,
      `
        mutation {
          submitFeedback(
            input: {
              cityCode: "TPI"
              kind: COMPLAINT
              text: "Lampu jalan di Jalan Ganet mati sudah dua minggu."
            }
          ) {
            trackingCode
          }
        }
      `,
    );
    expect(submitted.errors).toBeUndefined();
    await waitFor(
      'the submission to be routed',
      async () => {
        const res = await graphql(
          url,
          'query($c: String!) { feedbackStatus(trackingCode: $c) { status } }',
          { c: submitted.data!.submitFeedback.trackingCode },
        );
        return res.data?.feedbackStatus?.status !== 'RECEIVED';
      },
      30_000,
      200,
      diagnose,
    );
  }, 120_000);
});
