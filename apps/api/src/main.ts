import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SuaraConfig } from '@suara/core';
import { ApiModule } from './api.module.js';
import { configureApp } from './configure-app.js';

async function bootstrap() {
  const app = configureApp(
    await NestFactory.create<NestExpressApplication>(ApiModule, {
      bufferLogs: true,
      bodyParser: false,
    }),
  );
  const port = app.get(SuaraConfig).env.PORT;
  await app.listen(port, '0.0.0.0');
  // The port actually bound (PORT=0 picks a free one); every interface, so localhost works.
  const { port: bound } = app.getHttpServer().address() as { port: number };
  const base = `http://localhost:${bound}`;
  new Logger('Suara').log(
    `Suara API siap: formulir ${base}/ · lacak ${base}/lacak · GraphQL ${base}/graphql`,
  );
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
