import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes): memory-hard against GPU guessing. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password).catch(() => false);
}

// Verified against when the account does not exist, so a wrong email costs as
// long as a wrong password and timing does not reveal which accounts exist.
let decoy: Promise<string> | undefined;
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword('decoy-password-never-used');
  await verifyPassword(await decoy, password);
}
