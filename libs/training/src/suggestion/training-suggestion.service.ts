import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@suara/identity';
import { TRAINING_SETTINGS, type TrainingSettings } from '../config/training.config.js';
import { participantJpByAgency } from '../plans/training-year.service.js';
import { TrainingPlansService } from '../plans/training-plans.service.js';
import { GAP_SOURCE, type GapSource } from '../sources/gap-source.port.js';
import { TrainingPlanStatus } from '../training.enums.js';
import { TrainingErrors } from '../training.errors.js';
import { TrainingPolicy } from '../training.policy.js';
import { AgencyWorkforceService } from '../workforce/agency-workforce.service.js';
import { type Suggestion, suggestTrainingItems } from './suggest-plans.js';

export const MAX_SUGGESTION_BUDGET_IDR = 1_000_000_000_000;

/** Gathers the city's accepted gaps not yet planned, its agencies' room under the JP ceiling, and solves. */
@Injectable()
export class TrainingSuggestionService {
  constructor(
    private readonly plans: TrainingPlansService,
    private readonly workforce: AgencyWorkforceService,
    @Inject(GAP_SOURCE) private readonly gapSource: GapSource,
    @Inject(TRAINING_SETTINGS) private readonly settings: TrainingSettings,
  ) {}

  async suggest(
    principal: Principal,
    cityCode: string,
    budgetIdr: number,
    year: number,
  ): Promise<Suggestion> {
    TrainingPolicy.plan(principal, 'meminta usulan rencana pelatihan');
    if (!Number.isFinite(budgetIdr) || budgetIdr < 0 || budgetIdr > MAX_SUGGESTION_BUDGET_IDR)
      throw TrainingErrors.badBudget();
    const plans = await this.plansFor(cityCode, year);
    const code = cityCode.trim().toUpperCase();
    const staff = await this.workforce.forCity(code);
    const civilServants = new Map(staff.map((s) => [s.agencyCode, s.civilServants]));
    const planned = participantJpByAgency(plans, civilServants);
    const alreadyPlanned = new Set(
      plans.filter((p) => p.status !== TrainingPlanStatus.CANCELLED).flatMap((p) => p.gapIds),
    );
    const gaps = (await this.gapSource.list({ cityCode: code, status: ['ACCEPTED'] })).filter(
      (g) => !alreadyPlanned.has(g.id),
    );
    return suggestTrainingItems({
      gaps,
      agencies: new Map(
        staff.map((s) => [
          s.agencyCode,
          { civilServants: s.civilServants, plannedParticipantJp: planned.get(s.agencyCode) ?? 0 },
        ]),
      ),
      unitCosts: this.settings.unitCosts,
      budgetIdr: Math.floor(budgetIdr),
      jpCeilingPerCivilServant: this.settings.jpCeilingPerCivilServant,
    });
  }

  private plansFor(cityCode: string, year: number) {
    return this.plans.plansOf(cityCode, year);
  }
}
