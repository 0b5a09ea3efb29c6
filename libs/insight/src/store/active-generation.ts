import type { EntityManager } from '@mikro-orm/postgresql';
import { expressionBuilder } from 'kysely';
import { GenerationStatus } from '../entities/insight-generation.entity.js';
import type { InsightTables } from '../insight.tables.js';
import { lockGeneration } from './placement-store.js';

/**
 * The generation everybody reads, as a subquery of the statement that reads it:
 * a rebuild's switch-over is one statement, so a read sees the old generation
 * or the new one, never a mix.
 */
export const activeGeneration = expressionBuilder<InsightTables, never>()
  .selectFrom('insight_generation')
  .select('id')
  .where('status', '=', GenerationStatus.ACTIVE);

/**
 * Holds the active generation's lock shared for the rest of the transaction, as
 * a placing batch does, so a rebuild's switch-over waits for a hand correction
 * in progress and never drops the rows it is changing. Taken before any item or
 * agency lock (the one lock order). A switch-over that committed while this
 * waited made another generation active: that one is held too (ids ascend, as
 * the switch-over takes them).
 */
export async function holdActiveGeneration(em: EntityManager): Promise<void> {
  const db = em.getKysely<InsightTables>();
  const active = async () =>
    (
      await db
        .selectFrom('insight_generation')
        .select('id')
        .where('status', '=', GenerationStatus.ACTIVE)
        .executeTakeFirst()
    )?.id;
  const first = await active();
  if (first === undefined) return;
  await lockGeneration(em, first, 'shared');
  const now = await active();
  if (now !== undefined && now !== first) await lockGeneration(em, now, 'shared');
}
