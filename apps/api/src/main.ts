import 'reflect-metadata';
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
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
