import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditEntry } from './entities/audit-entry.entity.js';

/** The audit trail's entries, one at a time; a statement writing many uses insertAuditEntries. */
@Injectable()
export class AuditService {
  /**
   * Adds the entry to the caller's unit of work, so it commits or rolls back with
   * the change it describes: there is never a change without its entry.
   */
  record(em: EntityManager, entry: ConstructorParameters<typeof AuditEntry>[0]): AuditEntry {
    const row = new AuditEntry(entry);
    em.persist(row);
    return row;
  }

  trail(em: EntityManager, subjectId: string, actions?: string[]): Promise<AuditEntry[]> {
    return em.find(AuditEntry, actions ? { subjectId, action: { $in: actions } } : { subjectId }, {
      orderBy: { at: 'asc', id: 'asc' },
    });
  }
}
