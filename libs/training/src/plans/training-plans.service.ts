import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, LockMode, OptimisticLockError } from '@mikro-orm/postgresql';
import { AuditService } from '@suara/audit';
import { isUuid } from '@suara/core';
import { type Principal, staffAuditActor } from '@suara/identity';
import { ReferenceService } from '@suara/reference';
import { TrainingPlan } from '../entities/training-plan.entity.js';
import { GAP_SOURCE, type GapRecord, type GapSource } from '../sources/gap-source.port.js';
import { TrainingPlanStatus } from '../training.enums.js';
import { TrainingErrors } from '../training.errors.js';
import { TrainingPolicy } from '../training.policy.js';
import type { TrainingPlanView } from '../training.views.js';
import { movePlan } from './plan-lifecycle.js';
import { type CleanPlan, type TrainingPlanInput, cleanPlanInput } from './plan-input.rules.js';

/** The day in Indonesia's western time (WIB), where the plans are made. */
export const todayWib = (now = new Date()): string =>
  new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** The one writer of training_plan. */
@Injectable()
export class TrainingPlansService {
  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceService,
    private readonly audit: AuditService,
    @Inject(GAP_SOURCE) private readonly gapSource: GapSource,
  ) {}

  async create(principal: Principal, input: TrainingPlanInput): Promise<TrainingPlanView> {
    TrainingPolicy.plan(principal, 'menyusun rencana pelatihan');
    const clean = await this.clean(input);
    const em = this.em.fork();
    const plan = new TrainingPlan(clean);
    await em.transactional(async (tx) => {
      tx.persist(plan);
      this.audit.record(tx, {
        actor: staffAuditActor(principal),
        action: 'training_plan.created',
        subjectType: 'training_plan',
        subjectId: plan.id,
        after: { ...clean },
      });
    });
    return (await this.views([plan]))[0];
  }

  /** Replaces a draft's fields; approved plans are changed by cancelling and planning again. */
  async update(
    principal: Principal,
    id: string,
    input: TrainingPlanInput,
    expectedVersion?: number | null,
  ): Promise<TrainingPlanView> {
    TrainingPolicy.plan(principal, 'mengubah rencana pelatihan');
    const clean = await this.clean(input);
    const plan = await this.inTransaction(id, expectedVersion, (tx, plan) => {
      if (plan.status !== TrainingPlanStatus.DRAFT) throw TrainingErrors.notEditable(plan.status);
      const before = snapshot(plan);
      Object.assign(plan, clean);
      this.audit.record(tx, {
        actor: staffAuditActor(principal),
        action: 'training_plan.updated',
        subjectType: 'training_plan',
        subjectId: plan.id,
        before,
        after: { ...clean },
      });
      return Promise.resolve();
    });
    return (await this.views([plan]))[0];
  }

  approve(principal: Principal, id: string, expectedVersion?: number | null) {
    return this.move(principal, id, TrainingPlanStatus.APPROVED, expectedVersion);
  }

  cancel(principal: Principal, id: string, expectedVersion?: number | null) {
    return this.move(principal, id, TrainingPlanStatus.CANCELLED, expectedVersion);
  }

  /**
   * Completes the plan, marks the gaps it answers ADDRESSED through their owner
   * in the same transaction, and records today as the day the effectiveness
   * window starts from.
   */
  async complete(
    principal: Principal,
    id: string,
    expectedVersion?: number | null,
    now = new Date(),
  ) {
    TrainingPolicy.plan(principal, 'menyelesaikan rencana pelatihan');
    const plan = await this.inTransaction(id, expectedVersion, async (tx, plan) => {
      const completedOn = todayWib(now);
      movePlan(tx, this.audit, plan, TrainingPlanStatus.COMPLETED, principal, {
        completedOn,
        addressedGapIds: plan.gapIds,
      });
      plan.completedOn = completedOn;
      await this.gapSource.markAddressed(tx, plan.gapIds, now);
    });
    return (await this.views([plan]))[0];
  }

  async get(principal: Principal, id: string): Promise<TrainingPlanView> {
    TrainingPolicy.read(principal, 'melihat rencana pelatihan');
    return (await this.views([await this.find(id)]))[0];
  }

  async list(principal: Principal, cityCode: string, year: number): Promise<TrainingPlanView[]> {
    TrainingPolicy.read(principal, 'melihat rencana pelatihan');
    const plans = await this.plansOf(cityCode, year);
    return this.views(plans);
  }

  /** For the other training services: the plans of a city's year, without access checks. */
  async plansOf(cityCode: string | undefined, year: number): Promise<TrainingPlan[]> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw TrainingErrors.badYear();
    const code = cityCode?.trim().toUpperCase();
    if (code !== undefined && !(await this.reference.city(code)))
      throw TrainingErrors.unknownCity(code);
    return this.em
      .fork()
      .find(TrainingPlan, code === undefined ? { year } : { cityCode: code, year }, {
        orderBy: { startsOn: 'asc', createdAt: 'asc', id: 'asc' },
      });
  }

  async find(id: string): Promise<TrainingPlan> {
    const plan = isUuid(id) ? await this.em.fork().findOne(TrainingPlan, id) : null;
    if (!plan) throw TrainingErrors.planNotFound(id);
    return plan;
  }

  async views(plans: TrainingPlan[]): Promise<TrainingPlanView[]> {
    const gapIds = [...new Set(plans.flatMap((p) => p.gapIds))];
    const gaps = new Map(
      (gapIds.length ? await this.gapSource.get(gapIds) : []).map((g) => [g.id, g]),
    );
    return plans.map((p) => ({
      id: p.id,
      cityCode: p.cityCode,
      year: p.year,
      title: p.title,
      competencyCode: p.competencyCode,
      agencyCodes: p.agencyCodes,
      participants: p.participants,
      method: p.method,
      route: p.route,
      provider: p.provider,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      hoursJp: p.hoursJp,
      budgetIdr: p.budgetIdr,
      gaps: p.gapIds.map((id) => ({ id, status: gaps.get(id)?.status ?? null })),
      status: p.status,
      completedOn: p.completedOn ?? null,
      version: p.version,
    }));
  }

  private async move(
    principal: Principal,
    id: string,
    to: TrainingPlanStatus,
    expectedVersion?: number | null,
  ): Promise<TrainingPlanView> {
    TrainingPolicy.plan(principal, 'mengubah status rencana pelatihan');
    const plan = await this.inTransaction(id, expectedVersion, (tx, plan) => {
      movePlan(tx, this.audit, plan, to, principal);
      return Promise.resolve();
    });
    return (await this.views([plan]))[0];
  }

  /** Loads the plan locked for the transaction, checks the version the client read, applies `change`. */
  private async inTransaction(
    id: string,
    expectedVersion: number | null | undefined,
    change: (tx: EntityManager, plan: TrainingPlan) => Promise<void>,
  ): Promise<TrainingPlan> {
    if (!isUuid(id)) throw TrainingErrors.planNotFound(id);
    try {
      return await this.em.fork().transactional(async (tx) => {
        const plan = await tx.findOne(TrainingPlan, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!plan) throw TrainingErrors.planNotFound(id);
        if (expectedVersion != null && plan.version !== expectedVersion)
          throw TrainingErrors.staleVersion();
        await change(tx, plan);
        return plan;
      });
    } catch (error) {
      if (error instanceof OptimisticLockError) throw TrainingErrors.staleVersion();
      throw error;
    }
  }

  private async clean(input: TrainingPlanInput): Promise<CleanPlan> {
    const clean = cleanPlanInput(input, await this.reference.agencyIndex());
    if (clean.gapIds.length > 0) checkGaps(clean, await this.gapSource.get(clean.gapIds));
    return clean;
  }
}

function checkGaps(plan: CleanPlan, found: GapRecord[]): void {
  const byId = new Map(found.map((g) => [g.id, g]));
  for (const id of plan.gapIds) {
    const gap = byId.get(id);
    if (!gap) throw TrainingErrors.unknownGap(id);
    if (gap.status !== 'ACCEPTED') throw TrainingErrors.gapNotAccepted(id, gap.status);
    if (gap.competencyCode !== plan.competencyCode || !plan.agencyCodes.includes(gap.agencyCode))
      throw TrainingErrors.gapMismatch(id);
  }
}

function snapshot(plan: TrainingPlan): Record<string, unknown> {
  const { id: _id, version: _v, createdAt: _c, ...rest } = plan;
  return { ...rest };
}
