import { z } from 'zod';
import { TrainingMethod, TrainingRoute } from '../training.enums.js';

/**
 * What one plan item of a method costs and delivers. Cost of an item =
 * fixedIdr + costPerParticipantJpIdr × participants × hoursJp. `coverage` is the
 * share of a gap's severity the method is expected to answer (a coached cohort
 * closes more of a gap than a seminar does); it weighs the suggestion, nothing else.
 */
export interface MethodUnitCost {
  method: TrainingMethod;
  route: TrainingRoute;
  costPerParticipantJpIdr: number;
  fixedIdr: number;
  hoursJp: number;
  maxParticipants: number;
  coverage: number;
}

/**
 * Defaults from the order of magnitude of regional training budgets (Standar
 * Biaya Masukan: a classroom JP with a paid trainer and meals costs roughly
 * Rp 100,000–150,000 per participant; e-learning mostly a platform fee).
 * Replace them with the city's own figures through TRAINING_UNIT_COSTS.
 */
export const DEFAULT_UNIT_COSTS: readonly MethodUnitCost[] = [
  {
    method: TrainingMethod.PELATIHAN,
    route: TrainingRoute.KLASIKAL,
    costPerParticipantJpIdr: 125_000,
    fixedIdr: 15_000_000,
    hoursJp: 24,
    maxParticipants: 30,
    coverage: 0.8,
  },
  {
    method: TrainingMethod.SEMINAR,
    route: TrainingRoute.KLASIKAL,
    costPerParticipantJpIdr: 60_000,
    fixedIdr: 10_000_000,
    hoursJp: 6,
    maxParticipants: 100,
    coverage: 0.25,
  },
  {
    method: TrainingMethod.WORKSHOP,
    route: TrainingRoute.KLASIKAL,
    costPerParticipantJpIdr: 110_000,
    fixedIdr: 8_000_000,
    hoursJp: 16,
    maxParticipants: 25,
    coverage: 0.6,
  },
  {
    method: TrainingMethod.MAGANG,
    route: TrainingRoute.NON_KLASIKAL,
    costPerParticipantJpIdr: 90_000,
    fixedIdr: 5_000_000,
    hoursJp: 40,
    maxParticipants: 5,
    coverage: 0.5,
  },
  {
    method: TrainingMethod.STUDI_BANDING,
    route: TrainingRoute.NON_KLASIKAL,
    costPerParticipantJpIdr: 200_000,
    fixedIdr: 20_000_000,
    hoursJp: 16,
    maxParticipants: 10,
    coverage: 0.35,
  },
  {
    method: TrainingMethod.COACHING_MENTORING,
    route: TrainingRoute.NON_KLASIKAL,
    costPerParticipantJpIdr: 70_000,
    fixedIdr: 6_000_000,
    hoursJp: 20,
    maxParticipants: 10,
    coverage: 0.55,
  },
  {
    method: TrainingMethod.E_LEARNING,
    route: TrainingRoute.NON_KLASIKAL,
    costPerParticipantJpIdr: 15_000,
    fixedIdr: 12_000_000,
    hoursJp: 10,
    maxParticipants: 200,
    coverage: 0.3,
  },
];

const unitCostSchema = z.object({
  method: z.enum(TrainingMethod),
  route: z.enum(TrainingRoute),
  costPerParticipantJpIdr: z.number().min(0),
  fixedIdr: z.number().min(0),
  hoursJp: z.number().int().min(1).max(400),
  maxParticipants: z.number().int().min(1).max(10_000),
  coverage: z.number().gt(0).max(1),
});

const trainingEnvSchema = z.object({
  /** A JSON array of MethodUnitCost replacing the defaults (methods left out are not suggested). */
  TRAINING_UNIT_COSTS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (!raw) return DEFAULT_UNIT_COSTS;
      try {
        return z.array(unitCostSchema).min(1).parse(JSON.parse(raw));
      } catch (error) {
        ctx.addIssue({
          code: 'custom',
          message: `not a JSON list of unit costs: ${String(error)}`,
        });
        return z.NEVER;
      }
    }),
  /** Weeks compared before and after a completed training. */
  TRAINING_EFFECT_WEEKS: z.coerce.number().int().min(4).max(52).default(12),
  /** Most JP a civil servant may be planned for in a year (time away from service). */
  TRAINING_JP_CEILING: z.coerce.number().int().min(20).max(400).default(60),
});

export interface TrainingSettings {
  unitCosts: readonly MethodUnitCost[];
  effectWeeks: number;
  jpCeilingPerCivilServant: number;
}

/** Read once at start; a wrong value stops the process naming the variable. */
export function trainingSettingsFrom(env: Record<string, string | undefined>): TrainingSettings {
  const parsed = trainingEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid training configuration: ${issues}`);
  }
  return {
    unitCosts: parsed.data.TRAINING_UNIT_COSTS,
    effectWeeks: parsed.data.TRAINING_EFFECT_WEEKS,
    jpCeilingPerCivilServant: parsed.data.TRAINING_JP_CEILING,
  };
}

export const TRAINING_SETTINGS = Symbol('TRAINING_SETTINGS');
