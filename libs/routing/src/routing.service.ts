import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { SuaraConfig, isUuid } from '@suara/core';
import { IdentityErrors, type Principal } from '@suara/identity';
import {
  Feedback,
  FeedbackEvents,
  FeedbackLifecycle,
  FeedbackPolicy,
  FeedbackStatus,
  type IntakeTables,
  scopeOf,
} from '@suara/intake';
import { JobName, type QueueTables, insertJobs } from '@suara/queue';
import { ReferenceService, ServiceDeadlines, agencyCode } from '@suara/reference';
import { RoutingDecision } from './entities/routing-decision.entity.js';
import { decideRoute } from './router/route-decision.js';
import { type RoutedItem, writeRoutingOutcomes } from './routing.writer.js';
import { RouterModelService } from './router-model.service.js';
import { RoutingErrors } from './routing.errors.js';
import { type RoutingDecisionView, routingDecisionView } from './routing.views.js';

export type RoutingOutcome = 'ROUTED' | 'NEEDS_TRIAGE' | 'ALREADY_ROUTED' | 'NOT_FOUND';

const ROUTER = { type: 'SYSTEM' as const, id: 'router' };

@Injectable()
export class RoutingService {
  constructor(
    private readonly em: EntityManager,
    private readonly lifecycle: FeedbackLifecycle,
    private readonly models: RouterModelService,
    private readonly reference: ReferenceService,
    private readonly config: SuaraConfig,
    private readonly events: FeedbackEvents,
    private readonly deadlines: ServiceDeadlines,
  ) {}

  /**
   * Reads a received item and sends it to its agency or to triage, recording
   * the decision and the deadline. Idempotent: only an item still RECEIVED is
   * changed, so a job delivered twice (a relay retry, a worker killed mid-job)
   * changes nothing the second time. Calls arriving together (a worker's
   * concurrent jobs) are routed as one batch: two statements for all of them.
   */
  route(feedbackId: string): Promise<RoutingOutcome> {
    return isUuid(feedbackId) ? this.batch.load(feedbackId) : Promise.resolve('NOT_FOUND');
  }

  private readonly batch = new DataLoader<string, RoutingOutcome>((ids) => this.routeMany(ids), {
    cache: false,
    maxBatchSize: 200,
    // Jobs of one worker start a moment apart: wait that moment to route them together.
    batchScheduleFn: (run) => setTimeout(run, 2),
  });

  async routeMany(ids: readonly string[]): Promise<RoutingOutcome[]> {
    // Everything is read first and written in one statement: no job holds a
    // transaction (or a second connection) while another waits for one.
    const { version, model } = await this.models.activeModel();
    const agencies = await this.reference.agencyIndex();
    const em = this.em.fork();
    const rows = await em
      .getKysely<IntakeTables>()
      .selectFrom('feedback')
      .select([
        'id',
        'text',
        'status',
        'city_code',
        'agency_hint_code',
        'tracking_code',
        'submitted_at',
      ])
      .where(({ eb, fn, val }) => eb('id', '=', fn.any(val(ids))))
      .execute();
    const found = new Map(rows.map((r) => [r.id, r]));
    const now = new Date();
    const planned: RoutedItem[] = [];
    for (const row of rows) {
      if (row.status !== FeedbackStatus.RECEIVED) continue;
      const outcome = decideRoute(
        model.predict(row.text),
        row.agency_hint_code ? agencies.get(row.agency_hint_code)?.type : undefined,
        {
          minConfidence: this.config.env.ROUTING_MIN_CONFIDENCE,
          hintOverrideConfidence: this.config.env.ROUTING_HINT_OVERRIDE_CONFIDENCE,
        },
      );
      const chosen = outcome.agencyType
        ? agencies.get(agencyCode(row.city_code, outcome.agencyType))
        : undefined;
      const status = chosen ? FeedbackStatus.ROUTED : FeedbackStatus.NEEDS_TRIAGE;
      planned.push({
        feedbackId: row.id,
        status,
        agencyCode: chosen?.code,
        slaDueAt: chosen
          ? this.deadlines.firstResponse(now)
          : this.deadlines.routing(new Date(row.submitted_at)),
        basis: outcome.basis,
        confidence: outcome.confidence,
        alternatives: outcome.alternatives.map((a) => ({
          agencyCode: agencyCode(row.city_code, a.agencyType),
          score: a.score,
        })),
        decisiveTerms: outcome.decisiveTerms,
        explanation: outcome.explanation,
        modelVersion: version,
        decidedBy: ROUTER.id,
        transition: this.lifecycle.plan(
          { id: row.id, status: FeedbackStatus.RECEIVED, agencyCode: chosen?.code },
          status,
          {
            actor: ROUTER,
            publicNote: chosen
              ? `Diteruskan ke ${chosen.name}.`
              : 'Petugas kota sedang menentukan instansi yang tepat.',
            detail: { basis: outcome.basis, confidence: outcome.confidence, modelVersion: version },
          },
        ),
      });
    }
    const written = await writeRoutingOutcomes(em, planned);
    const outcomes = new Map<string, RoutingOutcome>();
    await Promise.all(
      planned
        .filter((p) => written.has(p.feedbackId))
        .map((p) => {
          outcomes.set(p.feedbackId, p.status);
          return this.events.changed({
            id: p.feedbackId,
            trackingCode: found.get(p.feedbackId)!.tracking_code,
            status: p.status,
            cityCode: found.get(p.feedbackId)!.city_code,
            agencyCode: p.agencyCode,
          });
        }),
    );
    return ids.map((id) => (!found.has(id) ? 'NOT_FOUND' : (outcomes.get(id) ?? 'ALREADY_ROUTED')));
  }

  /**
   * Hands items still RECEIVED long after submission to the queue again: their
   * job was lost (Redis lost its data) or never relayed. BullMQ ignores a job
   * whose id it still holds, so items merely waiting their turn are not doubled.
   */
  async sweepUnrouted(olderThanMs = this.config.env.SWEEP_UNROUTED_AFTER_MS): Promise<number> {
    const { n } = await this.em
      .fork()
      .getKysely<IntakeTables & QueueTables>()
      .with('stuck', (db) =>
        insertJobs(
          db,
          JobName.RouteFeedback,
          db
            .selectFrom('feedback as f')
            .where('f.status', '=', FeedbackStatus.RECEIVED)
            .where(
              'f.submitted_at',
              '<',
              sql<Date>`now() - (${olderThanMs} * interval '1 millisecond')`,
            ),
          (eb) => ({ feedbackId: eb.ref('f.id') }),
          { unlessWaiting: true },
        ).returning('id'),
      )
      .selectFrom('stuck')
      .select(({ cast, fn }) => cast<number>(fn.countAll(), 'integer').as('n'))
      .executeTakeFirstOrThrow();
    return n;
  }

  /** The routing decisions of an item, for whoever may see the item (FeedbackPolicy). */
  async decisions(actor: Principal, feedbackId: string): Promise<RoutingDecisionView[]> {
    const em = this.em.fork();
    const feedback = isUuid(feedbackId) ? await em.findOne(Feedback, feedbackId) : null;
    if (!feedback) throw RoutingErrors.feedbackNotFound(feedbackId);
    if (!FeedbackPolicy.canRead(actor, scopeOf(feedback)))
      throw IdentityErrors.forbidden('melihat laporan ini');
    const decisions = await em.find(
      RoutingDecision,
      { feedback },
      { orderBy: { createdAt: 'asc' }, populate: ['agency'] },
    );
    return decisions.map(routingDecisionView);
  }
}
