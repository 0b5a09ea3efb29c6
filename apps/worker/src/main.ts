import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { SuaraConfig } from '@suara/core';
import { QueueName } from '@suara/queue';
import { WorkerModule } from './worker.module.js';

async function bootstrap() {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT close the BullMQ workers, which finish their in-flight jobs first.
  app.enableShutdownHooks();
  await app.init();
  const { WORKER_CONCURRENCY, REDIS_PREFIX } = app.get(SuaraConfig).env;
  app
    .get(Logger)
    .log(
      `Suara worker siap: antrean ${Object.values(QueueName).join(' dan ')} (prefiks ${REDIS_PREFIX}), ` +
        `${WORKER_CONCURRENCY} tugas routing sekaligus`,
      'Suara',
    );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
