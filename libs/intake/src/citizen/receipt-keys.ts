import { Injectable } from '@nestjs/common';
import { InstallationSecrets } from '@suara/identity';
import { createHmac } from 'node:crypto';
import { deriveCitizenSecret } from './citizen-secret.js';

/** Its name among the installation's secrets; renaming it would change every citizen's secret. */
const RECEIPT_KEY = 'citizen-receipt-key';

/**
 * The installation's key for citizens' receipts: generated once and shared by
 * every API process through the database (InstallationSecrets), so replicas
 * agree on every citizen's secret without a setting to forget.
 */
@Injectable()
export class ReceiptKeys {
  constructor(private readonly secrets: InstallationSecrets) {}

  async citizenSecret(feedbackId: string): Promise<string> {
    return deriveCitizenSecret(await this.key(), feedbackId);
  }

  /**
   * The fingerprint of a request body kept beside its idempotency key. Keyed, so
   * the fingerprint of a body holding a phone number cannot be reversed by trying
   * every phone number.
   */
  async bodyHash(canonicalBody: string): Promise<string> {
    return createHmac('sha256', await this.key())
      .update(`idempotent-body:${canonicalBody}`)
      .digest('hex');
  }

  private async key(): Promise<Buffer> {
    return Buffer.from(await this.secrets.get(RECEIPT_KEY), 'utf8');
  }
}
