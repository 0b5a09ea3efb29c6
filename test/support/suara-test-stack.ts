import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { MikroORM } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { SuaraConfig } from '@suara/core';
import { QueueName } from '@suara/queue';
import { type TestDatabase, createTestDatabase, graphql, uniqueQueuePrefix } from '@suara/testing';
import { ApiModule } from '../../apps/api/src/api.module.js';
import { configureApp } from '../../apps/api/src/configure-app.js';
import { WorkerModule } from '../../apps/worker/src/worker.module.js';

export interface StackOptions {
  /** Environment overrides, e.g. PUBLIC_RATE_LIMIT or REDIS_URL. */
  env?: Record<string, string>;
  worker?: boolean;
  /** DATABASE_URL given in env is already set up: do not clone the template. */
  ownDatabase?: boolean;
}

/**
 * Suara as it runs in production, in this process: the API listening on a free
 * port and, when asked, the worker, both on a database and queue prefix of this
 * test file's own.
 */
export class SuaraTestStack {
  readonly apis: NestExpressApplication[] = [];
  workerApp?: INestApplicationContext;

  readonly config: SuaraConfig;

  private constructor(
    readonly db: TestDatabase,
    private readonly baseEnv: Record<string, string>,
  ) {
    this.config = SuaraConfig.fromEnvironment(baseEnv);
  }

  static async start(options: StackOptions = {}): Promise<SuaraTestStack> {
    const db = options.ownDatabase
      ? { url: options.env!.DATABASE_URL, drop: async () => undefined }
      : await createTestDatabase();
    const stack = new SuaraTestStack(db, {
      DATABASE_URL: db.url,
      REDIS_PREFIX: uniqueQueuePrefix(),
      ...options.env,
    });
    await stack.startApi();
    if (options.worker) await stack.startWorker();
    return stack;
  }

  get url(): string {
    const address = this.apis[0].getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  urlOf(index: number): string {
    const address = this.apis[index].getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  /** Another API process on the same database and Redis. */
  async startApi(env: Record<string, string> = {}): Promise<NestExpressApplication> {
    const config = SuaraConfig.fromEnvironment({ ...this.baseEnv, ...env });
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
      .overrideProvider(SuaraConfig)
      .useValue(config)
      .compile();
    const app = configureApp(
      moduleRef.createNestApplication<NestExpressApplication>({
        bodyParser: false,
        bufferLogs: true,
      }),
    );
    await app.listen(0, '127.0.0.1');
    this.apis.push(app);
    return app;
  }

  async startWorker(): Promise<INestApplicationContext> {
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(SuaraConfig)
      .useValue(this.config)
      .compile();
    await moduleRef.init();
    this.workerApp = moduleRef;
    return moduleRef;
  }

  async stopWorker(): Promise<void> {
    await this.workerApp?.close();
    this.workerApp = undefined;
  }

  /** Signs in a demo account (password `suara-demo`) and returns the Authorization header. */
  async login(email: string): Promise<Record<string, string>> {
    const res = await graphql<{ login: { accessToken: string } }>(
      this.url,
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: email, p: this.config.env.DEMO_PASSWORD },
    );
    if (!res.data) throw new Error(`Login as ${email} failed: ${JSON.stringify(res.errors)}`);
    return { authorization: `Bearer ${res.data.login.accessToken}` };
  }

  /** Runs SQL on this file's database. */
  async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    const orm = this.apis[0].get(MikroORM);
    return orm.em.fork().execute(query, params) as Promise<T[]>;
  }

  /** Where items are in the pipeline, for the message of a test that timed out. */
  async pipelineState(): Promise<string> {
    const [db] = await this.sql(
      `select (select count(*)::int from outbox_message) as outbox,
              (select json_object_agg(status, n) from
                (select status, count(*)::int as n from feedback group by status) s) as statuses`,
    ).catch((error: Error) => [{ error: error.message }]);
    const queue = new Queue(QueueName.Routing, {
      connection: { url: this.config.env.REDIS_URL, maxRetriesPerRequest: 1 },
      prefix: this.config.env.REDIS_PREFIX,
    });
    queue.on('error', () => undefined);
    const jobs = await queue
      .getJobCounts()
      .catch((error: Error) => ({ error: error.message }))
      .finally(() => queue.close());
    return `pipeline: database ${JSON.stringify(db)}, routing queue ${JSON.stringify(jobs)}`;
  }

  async stop(): Promise<void> {
    await this.stopWorker();
    for (const app of this.apis.splice(0)) await app.close();
    await this.db.drop();
  }
}
