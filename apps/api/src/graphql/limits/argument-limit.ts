/** The reasons (`extensions.reason`) of refusals at the door, stable for programs. */
export type InputRefusal =
  'input.tooLong' | 'input.tooManyItems' | 'input.outOfRange' | 'input.notAnId' | 'input.notACode';

/**
 * What the door accepts for one argument or input field, before any resolver,
 * service or query runs. These are ceilings against abuse and malformed shapes;
 * the contexts still apply their own rules (cleaning, meaning) afterwards.
 */
export interface ArgumentLimit {
  /** Longest string, in UTF-16 code units (what JavaScript and the forms count). */
  maxLength?: number;
  /** Most items in a list. */
  maxItems?: number;
  /** Inclusive range of an Int or Float. */
  min?: number;
  max?: number;
  /** The value's shape, with the words a person reads and the reason programs read when it does not match. */
  pattern?: { regex: RegExp; describe: string; reason: InputRefusal };
}

export const UUID_SHAPE = {
  regex: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  describe: 'bukan ID yang sah (harus UUID, mis. 0b6f…-…)',
  reason: 'input.notAnId',
} as const;

/** A code of the reference data: city, agency, competency (`MDN`, `MDN-DUKCAPIL`, `M.01`). */
export const REFERENCE_CODE = {
  regex: /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/,
  describe: 'bukan kode yang sah (huruf, angka, titik atau tanda hubung, paling banyak 32)',
  reason: 'input.notACode',
} as const;
