import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'suara_';

/** 32 random bytes (256 bits): guessing is hopeless, so one SHA-256 (no slow hash) is enough to store it. */
export function generatePartnerKey(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashPartnerKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What admins see to tell keys apart: the prefix and a few symbols, far too few to guess the rest. */
export function visiblePrefix(key: string): string {
  return key.slice(0, PREFIX.length + 4);
}

/** A value that cannot be a key is refused without a database look-up. */
export function looksLikePartnerKey(value: string): boolean {
  return value.length <= 128 && /^[A-Za-z0-9_-]+$/.test(value);
}
