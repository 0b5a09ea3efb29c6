import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { IntakeErrors } from '../intake.errors.js';
import { TRACKING_ALPHABET } from '../submission/tracking-code.js';

/**
 * The citizen's secret: what proves, beside the (shareable) tracking code, that
 * whoever acts on a report is the person who sent it. 28 symbols of the tracking
 * alphabet carry 140 bits, beyond guessing even at the public rate limit.
 */
const SYMBOLS = 28;
const GROUP = 7;

/**
 * Derived, not drawn: HMAC of the item's id under the installation's receipt key.
 * A retry with the same idempotency key must hand back the same receipt, secret
 * included, yet the database keeps only the secret's hash; deriving it again is
 * the one way to do both. The key never leaves the database and the API.
 */
export function deriveCitizenSecret(key: Buffer, feedbackId: string): string {
  const mac = createHmac('sha256', key).update(`citizen-secret:${feedbackId}`).digest();
  let bits = 0n;
  for (const b of mac.subarray(0, 18)) bits = (bits << 8n) | BigInt(b); // 144 bits, 140 used
  let compact = '';
  for (let i = 0; i < SYMBOLS; i++) {
    compact += TRACKING_ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return compact.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/** As people type it (any case, spaces, dashes) to its compact form, or undefined. */
export function normaliseCitizenSecret(input: string): string | undefined {
  if (input.length > 100) return undefined;
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== SYMBOLS) return undefined;
  for (const ch of compact) if (!TRACKING_ALPHABET.includes(ch)) return undefined;
  return compact;
}

/** What is stored: a plain SHA-256 suffices, the secret has 140 random bits. */
export function hashCitizenSecret(secret: string): string {
  return createHash('sha256')
    .update(normaliseCitizenSecret(secret) ?? secret)
    .digest('hex');
}

export function citizenSecretMatches(storedHash: string | undefined, given: string): boolean {
  const compact = normaliseCitizenSecret(given);
  if (!storedHash || !compact) return false;
  const a = Buffer.from(hashCitizenSecret(compact), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Refuses anyone acting as an item's citizen without its secret: missing is an
 * input error the form can show, wrong is FORBIDDEN. Checked before anything about
 * the item beyond its public status is revealed or changed.
 */
export function checkCitizenSecret(
  item: { citizenSecretHash?: string },
  given: string | null | undefined,
): void {
  if (!given?.trim()) throw IntakeErrors.citizenSecretMissing();
  if (!citizenSecretMatches(item.citizenSecretHash, given)) throw IntakeErrors.citizenSecretWrong();
}
