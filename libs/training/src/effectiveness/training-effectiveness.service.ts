import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@suara/identity';
import { TRAINING_SETTINGS, type TrainingSettings } from '../config/training.config.js';
import type { TrainingPlan } from '../entities/training-plan.entity.js';
import { TrainingPlansService, todayWib } from '../plans/training-plans.service.js';
import { EVIDENCE_SOURCE, type EvidenceSource } from '../sources/evidence-source.port.js';
import { GAP_SOURCE, type GapSource } from '../sources/gap-source.port.js';
import { TrainingPlanStatus } from '../training.enums.js';
import { TrainingPolicy } from '../training.policy.js';
import { type Effectiveness, trainingEffectiveness, weekStartOf } from './effectiveness.js';

export interface PlanEffectiveness extends Effectiveness {
  planId: string;
  completedOn: string | null;
  weeksCompared: number;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

@Injectable()
export class TrainingEffectivenessService {
  constructor(
    private readonly plans: TrainingPlansService,
    @Inject(GAP_SOURCE) private readonly gapSource: GapSource,
    @Inject(EVIDENCE_SOURCE) private readonly evidence: EvidenceSource,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  async forPlan(
    principal: Principal,
    planId: string,
    now = new Date(),
  ): Promise<PlanEffectiveness> {
    TrainingPolicy.read(principal, 'melihat efektivitas pelatihan');
    return this.evaluate(await this.plans.find(planId), now);
  }

  /** Every completed plan of the year (all cities), for the export. */
  async forYear(principal: Principal, year: number, now = new Date()) {
    TrainingPolicy.read(principal, 'melihat efektivitas pelatihan');
    const plans = (await this.plans.plansOf(undefined, year)).filter(
      (p) => p.status === TrainingPlanStatus.COMPLETED,
    );
    const out: { plan: TrainingPlan; effect: PlanEffectiveness }[] = [];
    for (const plan of plans) out.push({ plan, effect: await this.evaluate(plan, now) });
    return out;
  }

  private async evaluate(plan: TrainingPlan, now: Date): Promise<PlanEffectiveness> {
    const weeks = this.settings.effectWeeks;
    if (!plan.completedOn) {
      return {
        planId: plan.id,
        completedOn: null,
        weeksCompared: weeks,
        verdict: 'belum cukup data',
        trained: null,
        comparison: null,
        ratioOfRatios: null,
        windows: {
          trainedBefore: { complaints: 0, volume: 0 },
          trainedAfter: { complaints: 0, volume: 0 },
          comparisonBefore: { complaints: 0, volume: 0 },
          comparisonAfter: { complaints: 0, volume: 0 },
        },
        weeksBefore: 0,
        weeksAfter: 0,
        weeks: [],
        explanation:
          'Belum cukup data: rencana ini belum selesai dilaksanakan, jadi belum ada periode "sesudah".',
      };
    }
    const gaps = plan.gapIds.length ? await this.gapSource.get(plan.gapIds) : [];
    const firstAfter = weekStartOf(plan.completedOn);
    const rows = await this.evidence.weeklyComplaints({
      competencyCode: plan.competencyCode,
      clusterIds: [...new Set(gaps.flatMap((g) => g.evidenceClusterIds))],
      from: addDays(firstAfter, -7 * weeks),
      to: addDays(firstAfter, 7 * weeks),
    });
    const effect = trainingEffectiveness({
      trainedAgencyCodes: plan.agencyCodes,
      windowStartsOn: plan.completedOn,
      asOf: todayWib(now),
      weeks,
      rows,
    });
    return { ...effect, planId: plan.id, completedOn: plan.completedOn, weeksCompared: weeks };
  }
}
