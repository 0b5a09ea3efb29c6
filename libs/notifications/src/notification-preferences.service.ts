import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AuditService } from '@suara/audit';
import type { NotificationTables } from './notifications.tables.js';
import { NotificationErrors } from './notifications.errors.js';
import { StopTokens } from './stopping/stop-tokens.js';

export const NOTIFICATIONS_STOPPED = 'notifications.stopped';

/** The citizen's say over messages about their report: for now, stopping them. */
@Injectable()
export class NotificationPreferences {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: StopTokens,
    private readonly audit: AuditService,
  ) {}

  /** Whether a stop link is genuine, before the page offers its button. Changes nothing. */
  async checkStopLink(token: string | undefined): Promise<void> {
    if (!(await this.tokens.verify(token))) throw NotificationErrors.badStopLink();
  }

  /**
   * No further messages about the report. Asking again is no error, and a report
   * deleted meanwhile has nothing left to stop.
   */
  async stop(token: string | undefined): Promise<void> {
    const feedbackId = await this.tokens.verify(token);
    if (!feedbackId) throw NotificationErrors.badStopLink();
    await this.em.fork().transactional(async (tx) => {
      const stopped = await tx
        .getKysely<NotificationTables & { feedback: { id: string } }>()
        .insertInto('notification_opt_out')
        .columns(['feedback_id'])
        .expression((eb) =>
          eb.selectFrom('feedback').select('feedback.id').where('feedback.id', '=', feedbackId),
        )
        .onConflict((oc) => oc.column('feedback_id').doNothing())
        .returning('feedback_id')
        .executeTakeFirst();
      if (stopped) {
        this.audit.record(tx, {
          actor: { type: 'CITIZEN' },
          action: NOTIFICATIONS_STOPPED,
          subjectType: 'Feedback',
          subjectId: feedbackId,
        });
      }
    });
  }
}
