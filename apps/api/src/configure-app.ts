import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { SuaraConfig } from '@suara/core';
import { AuthService } from '@suara/identity';
import { DASHBOARD_PATH, adminOnly } from './admin/queue-dashboard.module.js';
import { CITIZEN_ASSETS_DIR } from './citizen-form/citizen-form.controller.js';

/** Everything main.ts does to the app besides listening, shared with the tests. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(SuaraConfig);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.env.TRUST_PROXY);
  app.disable('x-powered-by');
  // Forum imports send thousands of statements in one request.
  app.useBodyParser('json', { limit: '10mb' });
  app.use(DASHBOARD_PATH, adminOnly(app.get(AuthService)));
  app.useStaticAssets(join(CITIZEN_ASSETS_DIR, 'assets'), { prefix: '/assets/', maxAge: '1h' });
  app.enableShutdownHooks();
  return app;
}
