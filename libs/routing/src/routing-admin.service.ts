import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Queue } from 'bullmq';
import { type Principal, StaffRole, requireRole } from '@suara/identity';
import { Feedback } from '@suara/intake';
import { JobName, QueueName, jobIdOf } from '@suara/queue';
import { AGENCY_TYPES } from '@suara/reference';
import { RoutingPhrase } from './entities/routing-example.entity.js';
import { RoutingModel } from './entities/routing-model.entity.js';
import { RoutingErrors } from './routing.errors.js';
import { type FailedRoutingJob, type RoutingModelView, routingModelView } from './routing.views.js';
import { type RetrainResult, RouterModelService } from './router-model.service.js';

/** What admins do with the router: dead letters, the lexicon, models. */
@Injectable()
export class RoutingAdminService {
  constructor(
    private readonly em: EntityManager,
    private readonly models: RouterModelService,
    @InjectQueue(QueueName.Routing) private readonly routingQueue: Queue,
  ) {}

  /** Routing jobs that used up their attempts: the items wait, visibly, for an admin. */
  async failedJobs(actor: Principal): Promise<FailedRoutingJob[]> {
    requireRole(actor, 'melihat antrean yang gagal', StaffRole.ADMIN);
    const jobs = await this.routingQueue.getFailed(0, 499);
    const ids = jobs.map((j) => (j.data as { feedbackId: string }).feedbackId);
    const codes = new Map(
      (ids.length
        ? await this.em.fork().find(Feedback, { id: { $in: ids } }, { fields: ['trackingCode'] })
        : []
      ).map((f) => [f.id, f.trackingCode]),
    );
    return jobs.map((j) => {
      const feedbackId = (j.data as { feedbackId: string }).feedbackId;
      return {
        jobId: String(j.id),
        feedbackId,
        trackingCode: codes.get(feedbackId),
        attemptsMade: j.attemptsMade,
        failedReason: j.failedReason,
        failedAt: j.finishedOn ? new Date(j.finishedOn) : undefined,
      };
    });
  }

  async retryFailedJob(actor: Principal, feedbackId: string): Promise<FailedRoutingJob> {
    requireRole(actor, 'mengulang pekerjaan antrean', StaffRole.ADMIN);
    const job = await this.routingQueue.getJob(jobIdOf(JobName.RouteFeedback, { feedbackId }));
    if (!job) throw RoutingErrors.noRoutingJob(feedbackId);
    if (!(await job.isFailed())) {
      throw RoutingErrors.jobNotFailed();
    }
    await job.retry('failed');
    return {
      jobId: String(job.id),
      feedbackId,
      attemptsMade: job.attemptsMade,
      failedReason: job.failedReason,
    };
  }

  async addPhrases(actor: Principal, agencyType: string, phrases: string[]): Promise<number> {
    requireRole(actor, 'mengubah leksikon perutean', StaffRole.ADMIN);
    const type = agencyType.trim().toUpperCase();
    if (!AGENCY_TYPES.some((t) => t.type === type)) {
      throw RoutingErrors.unknownAgencyType(agencyType);
    }
    const clean = [
      ...new Set(
        phrases.map((p) => p.trim().toLowerCase()).filter((p) => p.length >= 2 && p.length <= 120),
      ),
    ];
    if (clean.length === 0) throw RoutingErrors.noPhrases();
    const em = this.em.fork();
    const existing = new Set(
      (await em.find(RoutingPhrase, { agencyType: type, phrase: { $in: clean } })).map(
        (p) => p.phrase,
      ),
    );
    const added = clean.filter((p) => !existing.has(p));
    added.forEach((p) => em.persist(new RoutingPhrase(type, p, actor.userId)));
    await em.flush();
    return added.length;
  }

  retrain(actor: Principal): Promise<RetrainResult> {
    requireRole(actor, 'melatih ulang model perutean', StaffRole.ADMIN);
    return this.models.retrain(`requested by ${actor.email}`);
  }

  async listModels(actor: Principal): Promise<RoutingModelView[]> {
    requireRole(actor, 'melihat model perutean', StaffRole.ADMIN, StaffRole.COORDINATOR);
    const models = await this.em
      .fork()
      .find(RoutingModel, {}, { orderBy: { version: 'desc' }, limit: 50 });
    return models.map(routingModelView);
  }
}
