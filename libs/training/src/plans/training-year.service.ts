import { Injectable } from '@nestjs/common';
import type { Principal } from '@suara/identity';
import { ReferenceService } from '@suara/reference';
import type { TrainingPlan } from '../entities/training-plan.entity.js';
import { JP_RIGHT_PER_YEAR, TrainingPlanStatus } from '../training.enums.js';
import { TrainingPolicy } from '../training.policy.js';
import type { TrainingYearView } from '../training.views.js';
import { AgencyWorkforceService } from '../workforce/agency-workforce.service.js';
import { TrainingPlansService } from './training-plans.service.js';

/**
 * How a plan's participant-JP falls on its agencies: in proportion to their
 * civil servants, since a plan names its agencies and a head count, not who
 * comes from where. Cancelled plans count for nothing.
 */
export function participantJpByAgency(
  plans: readonly TrainingPlan[],
  civilServants: ReadonlyMap<string, number>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const plan of plans) {
    if (plan.status === TrainingPlanStatus.CANCELLED) continue;
    const weights = plan.agencyCodes.map((c) => civilServants.get(c) ?? 0);
    const sum = weights.reduce((a, b) => a + b, 0);
    plan.agencyCodes.forEach((code, i) => {
      const share = sum > 0 ? weights[i] / sum : 1 / plan.agencyCodes.length;
      out.set(code, (out.get(code) ?? 0) + plan.participants * plan.hoursJp * share);
    });
  }
  return out;
}

/** The yearly view per city: JP per civil servant against the 20 JP right, per agency, and the budget used. */
@Injectable()
export class TrainingYearService {
  constructor(
    private readonly plans: TrainingPlansService,
    private readonly workforce: AgencyWorkforceService,
    private readonly reference: ReferenceService,
  ) {}

  async view(principal: Principal, cityCode: string, year: number): Promise<TrainingYearView> {
    TrainingPolicy.read(principal, 'melihat rencana pelatihan');
    const plans = await this.plans.plansOf(cityCode, year);
    const code = cityCode.trim().toUpperCase();
    const staff = await this.workforce.forCity(code);
    const civilServants = new Map(staff.map((s) => [s.agencyCode, s.civilServants]));
    const jp = participantJpByAgency(plans, civilServants);
    const live = plans.filter((p) => p.status !== TrainingPlanStatus.CANCELLED);
    const names = await this.reference.agencyIndex();
    const totalStaff = staff.reduce((s, a) => s + a.civilServants, 0);
    const totalJp = [...jp.values()].reduce((a, b) => a + b, 0);
    return {
      cityCode: code,
      year,
      jpRightPerCivilServant: JP_RIGHT_PER_YEAR,
      plans: live.length,
      budgetUsedIdr: live.reduce((s, p) => s + p.budgetIdr, 0),
      budgetCompletedIdr: live
        .filter((p) => p.status === TrainingPlanStatus.COMPLETED)
        .reduce((s, p) => s + p.budgetIdr, 0),
      jpPerCivilServant: totalStaff > 0 ? totalJp / totalStaff : 0,
      agencies: staff.map((s) => {
        const perHead = (jp.get(s.agencyCode) ?? 0) / s.civilServants;
        return {
          agencyCode: s.agencyCode,
          agencyName: names.get(s.agencyCode)?.name ?? s.agencyCode,
          civilServants: s.civilServants,
          civilServantsRecorded: s.recorded,
          plannedParticipantJp: jp.get(s.agencyCode) ?? 0,
          jpPerCivilServant: perHead,
          meetsJpRight: perHead >= JP_RIGHT_PER_YEAR,
        };
      }),
    };
  }
}
