import { Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@suara/core';
import { InstallationSecrets } from '@suara/identity';

/** Its name among the installation's secrets; renaming it would void every stop link sent. */
const STOP_KEY = 'notification-stop-key';
const TOKEN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;
export const STOP_TOKEN_MAX_LENGTH = 100;

/**
 * The stop link's token: the report's id and an HMAC of it under an installation
 * key. It lets whoever holds it silence one report's messages and nothing else,
 * so the link may sit in every message and be forwarded without harm.
 */
@Injectable()
export class StopTokens {
  constructor(private readonly secrets: InstallationSecrets) {}

  async issue(feedbackId: string): Promise<string> {
    return `${feedbackId}.${(await this.mac(feedbackId)).toString('base64url')}`;
  }

  /** The report's id, or undefined for anything not issued here (shape checked before any work). */
  async verify(token: string | undefined): Promise<string | undefined> {
    if (typeof token !== 'string' || token.length > STOP_TOKEN_MAX_LENGTH) return undefined;
    const match = TOKEN.exec(token);
    if (!match || !isUuid(match[1])) return undefined;
    const given = Buffer.from(match[2], 'base64url');
    const expected = await this.mac(match[1]);
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? match[1]
      : undefined;
  }

  private async mac(feedbackId: string): Promise<Buffer> {
    const key = await this.secrets.get(STOP_KEY);
    return createHmac('sha256', key).update(`stop-notifications:${feedbackId}`).digest();
  }
}
