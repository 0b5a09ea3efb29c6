import { IdentityErrors } from './identity.errors.js';

/** RFC 5321's longest usable address; also the width of staff_user.email. */
export const EMAIL_MAX = 254;
/** The width of staff_user.name. */
export const NAME_MAX = 120;
export const PASSWORD_MIN = 10;
/**
 * Far beyond any passphrase or password-manager output, yet small enough that
 * hashing it (argon2 pre-hashes the whole password, and the decoy for unknown
 * accounts costs the same) stays a fixed, tiny share of an attempt's cost.
 */
export const PASSWORD_MAX = 1024;

// No address or name holds control characters, and PostgreSQL refuses NUL in text outright.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** Refuses oversized or impossible credentials before anything is looked up, counted or hashed. */
export function checkCredentialLengths(email: string, password: string): void {
  if (email.length > EMAIL_MAX) throw IdentityErrors.tooLong('email', 'Email', EMAIL_MAX);
  if (CONTROL.test(email)) throw IdentityErrors.controlCharacters('email', 'Email');
  if (password.length > PASSWORD_MAX)
    throw IdentityErrors.tooLong('password', 'Kata sandi', PASSWORD_MAX);
}

/** The shape of a new account's fields, checked before its password is hashed. */
export function checkNewAccount(input: { email: string; name: string; password: string }): void {
  checkCredentialLengths(input.email, input.password);
  if (input.name.length > NAME_MAX) throw IdentityErrors.tooLong('name', 'Nama', NAME_MAX);
  if (CONTROL.test(input.name)) throw IdentityErrors.controlCharacters('name', 'Nama');
  if (input.password.length < PASSWORD_MIN) throw IdentityErrors.weakPassword();
}
