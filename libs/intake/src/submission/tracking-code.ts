import { randomBytes } from 'node:crypto';

/**
 * 32 symbols without 0/O and 1/I, so a code read over the phone has one spelling.
 * Each symbol carries 5 bits; 10 symbols give 50 random bits, beyond guessing.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const SYMBOLS = 10;

export function generateTrackingCode(): string {
  const bytes = randomBytes(7); // 56 bits, of which 50 are used
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = 0; i < SYMBOLS; i++) {
    code += TRACKING_ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * Accepts a code as people type it (lower case, spaces, missing or extra dashes)
 * and returns its stored form, or undefined when it cannot be a code.
 */
export function normaliseTrackingCode(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== SYMBOLS) return undefined;
  for (const ch of compact) if (!TRACKING_ALPHABET.includes(ch)) return undefined;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}
