import type { EntityManager } from '@mikro-orm/postgresql';

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
