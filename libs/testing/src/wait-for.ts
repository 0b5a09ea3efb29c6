import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls until `check` returns a truthy value; fails with `what` after `timeoutMs`.
 * `diagnose` adds what the failure message alone cannot say (a process's log, say).
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
  intervalMs = 50,
  diagnose?: () => string | Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await sleep(intervalMs);
  }
  const detail = diagnose ? `\n${await diagnose()}` : '';
  throw new Error(
    `Timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}${detail}`,
  );
}
