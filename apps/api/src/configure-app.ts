import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { SuaraConfig } from '@suara/core';
import { AuthService } from '@suara/identity';
import { DASHBOARD_PATH, adminOnly } from './queue-dashboard/queue-dashboard.module.js';
import { CITIZEN_ASSETS_DIR } from './citizen-form/citizen-form.controller.js';
import { MAX_REQUEST_BYTES } from './graphql/operation-limits.js';
import { OPEN311_PATH } from './open311/open311-body.middleware.js';

/** Everything main.ts does to the app besides listening, shared with the tests. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  const config = app.get(SuaraConfig);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.env.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(
    helmet({
      // Helmet's policy fits the queue dashboard (its own scripts, inline styles, web fonts);
      // the citizen pages set a stricter one of their own.
      contentSecurityPolicy: {
        directives: {
          'frame-ancestors': ["'none'"],
          // Installations without TLS (development, a closed network) must still load their assets.
          'upgrade-insecure-requests': null,
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  // Forum imports send thousands of statements in one request.
  app.useBodyParser('json', {
    limit: MAX_REQUEST_BYTES,
    // Open311 parses its own bodies, so that a malformed one is answered in GeoReport's error format.
    type: (req: IncomingMessage) =>
      !req.url?.startsWith(OPEN311_PATH) &&
      /^application\/json\b/i.test(req.headers['content-type'] ?? ''),
  });
  app.use(DASHBOARD_PATH, adminOnly(app.get(AuthService)));
  app.useStaticAssets(join(CITIZEN_ASSETS_DIR, 'assets'), { prefix: '/assets/', maxAge: '1h' });
  app.enableShutdownHooks();
  return app;
}
