import { Module } from '@nestjs/common';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { isDomainError } from '@suara/core';
import { AuthService, EMAIL_MAX, IdentityModule, PASSWORD_MAX, StaffRole } from '@suara/identity';
import { clientAddressOf } from '../identity/client-address.js';
import { QueueModule, QueueName } from '@suara/queue';

export const DASHBOARD_PATH = '/admin/queues';

/** base64 of the longest email and password allowed, each character up to 4 UTF-8 bytes. */
const BASIC_CREDENTIALS_MAX = Math.ceil(((EMAIL_MAX + 1 + PASSWORD_MAX) * 4) / 3) * 4 + 4;

/**
 * The dashboard is a browser page, so it asks for an admin's email and password
 * with HTTP Basic authentication (over HTTPS in production) and checks them like
 * a login, failed-attempt limits per account and client address included.
 * Installed by configureApp ahead of
 * every route: Bull Board mounts its own router, which Nest's per-module
 * middleware would only reach after it.
 */
export function adminOnly(auth: AuthService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const challenge = () => {
      res.setHeader('WWW-Authenticate', 'Basic realm="Suara admin", charset="UTF-8"');
      res.status(401).send('Masuk dengan akun admin Suara.');
    };
    const header = req.headers.authorization ?? '';
    if (header.length > BASIC_CREDENTIALS_MAX) return challenge();
    const [scheme, encoded] = header.split(' ');
    if (scheme !== 'Basic' || !encoded) return challenge();
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const split = decoded.indexOf(':');
    if (split < 0) return challenge();
    auth
      .verifyCredentials(decoded.slice(0, split), decoded.slice(split + 1), clientAddressOf(req))
      .then((user) => (user.role === StaffRole.ADMIN ? next() : challenge()))
      .catch((error: unknown) => {
        if (isDomainError(error) && error.code === 'RATE_LIMITED')
          return res.status(429).send(error.message);
        challenge();
      });
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
