import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@suara/identity';
import { FeedbackPolicy, type IntakeTables, maskPersonalData } from '@suara/intake';
import type { FeedbackView } from '../triage.views.js';

/**
 * Items as the reader may see them: for a planner the text has numbers,
 * addresses and the reporter's own name masked (one query for a whole page);
 * for everyone else the views are returned as they are.
 */
export async function viewsForReader(
  em: EntityManager,
  actor: Principal,
  views: FeedbackView[],
): Promise<FeedbackView[]> {
  if (!FeedbackPolicy.readsTextMasked(actor) || views.length === 0) return views;
  const names = await em
    .getKysely<IntakeTables>()
    .selectFrom('reporter_contact')
    .select(['feedback_id', 'name'])
    .where(
      'feedback_id',
      'in',
      views.map((v) => v.id),
    )
    .execute();
  const nameOf = new Map(names.map((r) => [r.feedback_id as string, r.name]));
  return views.map((v) => ({ ...v, text: maskPersonalData(v.text, [nameOf.get(v.id)]) }));
}
