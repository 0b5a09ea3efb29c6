import { Module } from '@nestjs/common';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AuthService, IdentityModule, StaffRole } from '@suara/identity';
import { QueueModule, QueueName } from '@suara/queue';

export const DASHBOARD_PATH = '/admin/queues';

/**
 * The dashboard is a browser page, so it asks for an admin's email and password
 * with HTTP Basic authentication (over HTTPS in production) and checks them like
 * a login, failed-attempt limits included. Installed by configureApp ahead of
 * every route: Bull Board mounts its own router, which Nest's per-module
 * middleware would only reach after it.
 */
export function adminOnly(auth: AuthService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const challenge = () => {
      res.setHeader('WWW-Authenticate', 'Basic realm="Suara admin", charset="UTF-8"');
      res.status(401).send('Masuk dengan akun admin Suara.');
    };
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded) return challenge();
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const split = decoded.indexOf(':');
    auth
      .verifyCredentials(decoded.slice(0, split), decoded.slice(split + 1))
      .then((user) => (user.role === StaffRole.ADMIN ? next() : challenge()))
      .catch(challenge);
  };
}

@Module({
  imports: [
    IdentityModule,
    QueueModule,
    BullBoardModule.forRoot({ route: DASHBOARD_PATH, adapter: ExpressAdapter }),
    ...Object.values(QueueName).map((name) =>
      BullBoardModule.forFeature({ name, adapter: BullMQAdapter }),
    ),
  ],
})
export class QueueDashboardModule {}
