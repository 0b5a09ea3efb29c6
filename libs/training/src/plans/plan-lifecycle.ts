import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditService } from '@suara/audit';
import type { Principal } from '@suara/identity';
import { staffAuditActor } from '@suara/identity';
import type { TrainingPlan } from '../entities/training-plan.entity.js';
import { TrainingPlanStatus as S } from '../training.enums.js';
import { TrainingErrors } from '../training.errors.js';

/** Every status change a training plan may make, and nowhere else. */
export const PLAN_TRANSITIONS: Readonly<Record<S, readonly S[]>> = {
  [S.DRAFT]: [S.APPROVED, S.CANCELLED],
  [S.APPROVED]: [S.COMPLETED, S.CANCELLED],
  [S.COMPLETED]: [],
  [S.CANCELLED]: [],
};

export function canMovePlan(from: S, to: S): boolean {
  return PLAN_TRANSITIONS[from].includes(to);
}

/**
 * Moves the plan (loaded in `em`'s transaction) and records the change in the
 * same unit of work, so a status never changes without its audit entry.
 */
export function movePlan(
  em: EntityManager,
  audit: AuditService,
  plan: TrainingPlan,
  to: S,
  principal: Principal,
  details: Record<string, unknown> = {},
): void {
  const from: S = plan.status;
  if (!canMovePlan(from, to))
    throw TrainingErrors.illegalTransition(from, to, PLAN_TRANSITIONS[from]);
  plan.status = to;
  audit.record(em, {
    actor: staffAuditActor(principal),
    action: 'training_plan.status_changed',
    subjectType: 'training_plan',
    subjectId: plan.id,
    before: { status: from },
    after: { status: to, ...details },
  });
}
