import type { JwtModuleOptions } from '@nestjs/jwt';
import { isUuid } from '@suara/core';
import type { InstallationSecrets } from './secrets/installation-secrets.js';

export const TOKEN_ISSUER = 'suara';

/**
 * HS256 with JWT_SECRET when set, else the installation's own generated secret,
 * fetched on first use (not at boot: the CLI builds this module before the
 * migration that creates the table has run, and the worker never signs).
 */
export function tokenOptions(
  configured: string | undefined,
  secrets: InstallationSecrets,
): JwtModuleOptions {
  return {
    secretOrKeyProvider: () => configured ?? secrets.get('jwt-signing-key'),
    signOptions: { algorithm: 'HS256', issuer: TOKEN_ISSUER },
    verifyOptions: { algorithms: ['HS256'], issuer: TOKEN_ISSUER },
  };
}

/**
 * The account a verified token names, or undefined. jsonwebtoken accepts a
 * token without `exp` and leaves `sub` of any JSON type, which would reach the
 * ORM as a query operator; both are refused here.
 */
export function subjectOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { sub, exp, iss } = payload as Record<string, unknown>;
  if (typeof exp !== 'number' || iss !== TOKEN_ISSUER) return undefined;
  return typeof sub === 'string' && isUuid(sub) ? sub : undefined;
}
