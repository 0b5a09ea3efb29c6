import type { EntityManager } from '@mikro-orm/postgresql';
import { FeedbackStatus, type IntakeTables } from '@suara/intake';
import type { ItemFacts } from './insight-analysis.service.js';

/**
 * The facts of items placement needs, read from intake's tables (read only:
 * intake writes them), with the reporter told apart without being named: a
 * hash of the contact (e-mail, else phone), of the speaker within a forum
 * session, or the item itself when nobody left a contact.
 */
export async function loadItemFacts(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, ItemFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await em
    .getKysely<IntakeTables>()
    .selectFrom('feedback as f')
    .leftJoin('reporter_contact as rc', 'rc.feedback_id', 'f.id')
    .leftJoin('feedback as o', 'o.id', 'f.duplicate_of_id')
    .select((eb) => [
      'f.id',
      'f.text',
      'f.kind',
      'f.city_code',
      'f.duplicate_of_id',
      'f.submitted_at',
      // A duplicate belongs to its original's agency's clusters; a rejected item to none.
      eb
        .case()
        .when(eb.and([eb('f.status', '=', FeedbackStatus.DUPLICATE), eb('o.id', 'is not', null)]))
        .then(eb.ref('o.agency_code'))
        .when('f.status', 'in', [FeedbackStatus.REJECTED])
        .then(null)
        .else(eb.ref('f.agency_code'))
        .end()
        .as('agency_code'),
      eb
        .case()
        .when('rc.email', 'is not', null)
        .then(eb(eb.val('c:'), '||', eb.fn<string>('md5', [eb.fn<string>('lower', ['rc.email'])])))
        .when('rc.phone', 'is not', null)
        .then(eb(eb.val('c:'), '||', eb.fn<string>('md5', ['rc.phone'])))
        .when(eb.and([eb('f.forum_session_id', 'is not', null), eb('rc.name', 'is not', null)]))
        .then(
          eb(
            eb.val('f:'),
            '||',
            eb.fn<string>('md5', [
              eb(
                eb(eb.cast<string>('f.forum_session_id', 'text'), '||', eb.val('|')),
                '||',
                eb.fn<string>('lower', ['rc.name']),
              ),
            ]),
          ),
        )
        .else(eb(eb.val('i:'), '||', eb.cast<string>('f.id', 'text')))
        .end()
        .$notNull()
        .as('reporter_key'),
    ])
    .where(({ eb, fn, val }) => eb('f.id', '=', fn.any(val([...ids]))))
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        text: r.text,
        kind: r.kind,
        cityCode: r.city_code,
        agencyCode: r.agency_code,
        duplicateOfId: r.duplicate_of_id,
        submittedAt: new Date(r.submitted_at),
        reporterKey: r.reporter_key,
      },
    ]),
  );
}
