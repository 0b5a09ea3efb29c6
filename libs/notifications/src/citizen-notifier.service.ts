import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { SuaraConfig } from '@suara/core';
import { CitizenNotice, Feedback, ReporterContact } from '@suara/intake';
import type { JobName, JobPayloads } from '@suara/queue';
import {
  DeliveryFailure,
  NOTIFICATION_CHANNELS,
  type NotificationChannel,
} from './channels/notification-channel.js';
import { NotificationOptOut } from './entities/notification-opt-out.entity.js';
import { composeMessage } from './messages/citizen-message.js';
import type { NotificationTables } from './notifications.tables.js';
import { StopTokens } from './stopping/stop-tokens.js';

export type NoticeJob = JobPayloads[JobName.NotifyCitizen];

/** What became of a notice; the job's return value. */
export type NoticeOutcome = 'SENT' | 'ALREADY_SENT' | 'NO_CONTACT' | 'STOPPED' | 'NOT_FOUND';

const NOTICES = new Set<string>(Object.values(CitizenNotice));

/**
 * Tells a report's citizen what happened to it, once. The address is read here,
 * when the message leaves, and nowhere else: jobs and outbox rows carry ids only.
 *
 * Once: the notification row (unique key) is inserted and the message sent in one
 * transaction. A failed send rolls the row back and the job is retried; a second
 * delivery of the job finds the row (or waits on the first one's uncommitted
 * insert) and sends nothing. What is left is the moment between the server
 * accepting the message and the commit: a process killed exactly then sends it
 * again on the retry, with the same Message-ID. No protocol closes that window
 * without risking a lost message instead; we prefer the rare duplicate.
 */
@Injectable()
export class CitizenNotifier {
  private readonly logger = new Logger(CitizenNotifier.name);

  constructor(
    private readonly em: EntityManager,
    private readonly config: SuaraConfig,
    private readonly tokens: StopTokens,
    @Inject(NOTIFICATION_CHANNELS) private readonly channels: NotificationChannel[],
  ) {}

  async deliver(job: NoticeJob): Promise<NoticeOutcome> {
    if (!NOTICES.has(job.notice))
      throw new DeliveryFailure(`Unknown notice ${String(job.notice).slice(0, 32)}`, true);
    const notice = job.notice as CitizenNotice;
    return this.em.fork().transactional(async (tx) => {
      const item = await tx.findOne(Feedback, job.feedbackId, { populate: ['agency'] });
      if (!item) return 'NOT_FOUND';
      if (await tx.count(NotificationOptOut, { feedback: item.id })) return 'STOPPED';
      // Shared lock: an erasure of the contact waits until this message has left,
      // and a message after the erasure finds no address.
      const contact = await tx.findOne(
        ReporterContact,
        { feedback: item.id },
        { lockMode: LockMode.PESSIMISTIC_READ },
      );
      const channel = contact && this.channels.find((c) => c.addressOf(contact));
      if (!contact || !channel) return 'NO_CONTACT';

      const claimed = await tx
        .getKysely<NotificationTables>()
        .insertInto('notification')
        .values({
          id: randomUUID(),
          feedback_id: item.id,
          key: job.key,
          notice,
          channel: channel.name,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!claimed) return 'ALREADY_SENT';

      const base = this.config.env.PUBLIC_BASE_URL;
      const statusUrl = `${base}/lacak?kode=${encodeURIComponent(item.trackingCode)}`;
      const stopUrl = `${base}/berhenti?token=${await this.tokens.issue(item.id)}`;
      const at = new Date(job.at);
      const { subject, text } = composeMessage({
        notice,
        trackingCode: item.trackingCode,
        agencyName: item.agency?.name,
        at,
        statusUrl,
        stopUrl,
      });
      await channel.send(channel.addressOf(contact)!, {
        key: job.key,
        subject,
        text,
        statusUrl,
        stopUrl,
        at,
      });
      this.logger.log(`Sent ${notice} notice ${job.key} by ${channel.name}`);
      return 'SENT';
    });
  }
}
