import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Serialises placement within one agency (and generation) for the rest of the
 * transaction: candidate lookup and insert happen under the lock, so two workers
 * placing near-identical items cannot both miss each other's new cluster.
 * Several agencies (a reroute) are locked in one order, so two reroutes in
 * opposite directions cannot deadlock.
 */
export async function lockAgencies(
  tx: EntityManager,
  generation: number,
  agencies: readonly (string | null | undefined)[],
): Promise<void> {
  const keys = [...new Set(agencies.filter((a): a is string => !!a))].sort();
  for (const agency of keys)
    await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [
      `insight:${generation}:${agency}`,
    ]);
}

const RETRYABLE = new Set(['40P01', '40001']);

/** A transaction retried when PostgreSQL chose it as a deadlock or serialisation victim. */
export async function inTransactionWithRetry<T>(
  em: EntityManager,
  work: (tx: EntityManager) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await em.fork().transactional(work);
    } catch (error) {
      const e = error as { code?: string; sqlState?: string; name?: string };
      const retryable = RETRYABLE.has(e.code ?? e.sqlState ?? '') || e.name === 'DeadlockException';
      if (attempt >= attempts || !retryable) throw error;
    }
  }
}
