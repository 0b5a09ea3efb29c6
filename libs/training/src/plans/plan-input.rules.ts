import { isUuid } from '@suara/core';
import { COMPETENCIES, type AgencyRef } from '@suara/reference';
import { TrainingMethod, TrainingRoute } from '../training.enums.js';
import { TrainingErrors } from '../training.errors.js';

export interface TrainingPlanInput {
  title: string;
  competencyCode: string;
  agencyCodes: string[];
  method: TrainingMethod;
  route: TrainingRoute;
  provider: string;
  participants: number;
  hoursJp: number;
  startsOn: string;
  endsOn: string;
  budgetIdr: number;
  gapIds?: string[] | null;
}

export const PLAN_LIMITS = {
  title: 200,
  provider: 200,
  agencies: 50,
  gaps: 200,
  participants: 100_000,
  hoursJp: 400,
  budgetIdr: 10_000_000_000_000,
} as const;

export interface CleanPlan extends Omit<TrainingPlanInput, 'gapIds'> {
  cityCode: string;
  year: number;
  gapIds: string[];
}

const KNOWN_COMPETENCIES = new Set<string>(COMPETENCIES.map((c) => c.code));

function text(value: string | undefined, label: string, max: number, field: string): string {
  const clean = (value ?? '')
    .normalize('NFC')
    // Controls and direction marks would hide or reorder text in the exported CSV.
    .replace(/\p{Cc}|[\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean === '') throw TrainingErrors.required(label, field);
  if (clean.length > max) throw TrainingErrors.tooLong(label, max, field);
  return clean;
}

function wholeNumber(
  value: number,
  label: string,
  min: number,
  max: number,
  field: string,
): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw TrainingErrors.outOfRange(label, min, max, field);
  return value;
}

export function checkDate(value: string, field: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw TrainingErrors.badDate(field);
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value)
    throw TrainingErrors.badDate(field);
  return value;
}

/**
 * A plan's fields, cleaned and checked against the reference data; the city and
 * year follow from the agencies and the dates. Gaps are checked by the caller,
 * against the gap source.
 */
export function cleanPlanInput(
  input: TrainingPlanInput,
  agencies: ReadonlyMap<string, AgencyRef>,
): CleanPlan {
  const title = text(input.title, 'Judul', PLAN_LIMITS.title, 'title');
  const provider = text(input.provider, 'Penyelenggara', PLAN_LIMITS.provider, 'provider');
  const competencyCode = (input.competencyCode ?? '').trim().toUpperCase();
  if (!KNOWN_COMPETENCIES.has(competencyCode))
    throw TrainingErrors.unknownCompetency(input.competencyCode);
  if (!Object.values(TrainingMethod).includes(input.method))
    throw TrainingErrors.required('Metode', 'method');
  if (!Object.values(TrainingRoute).includes(input.route))
    throw TrainingErrors.required('Jalur', 'route');

  const agencyCodes = [...new Set((input.agencyCodes ?? []).map((c) => c.trim().toUpperCase()))];
  if (agencyCodes.length === 0) throw TrainingErrors.noAgencies();
  if (agencyCodes.length > PLAN_LIMITS.agencies)
    throw TrainingErrors.outOfRange(
      'Jumlah instansi sasaran',
      1,
      PLAN_LIMITS.agencies,
      'agencyCodes',
    );
  const cities = new Set<string>();
  for (const code of agencyCodes) {
    const agency = agencies.get(code);
    if (!agency) throw TrainingErrors.unknownAgency(code);
    cities.add(agency.cityCode);
  }
  if (cities.size > 1) throw TrainingErrors.mixedCities();

  const participants = wholeNumber(
    input.participants,
    'Jumlah peserta',
    1,
    PLAN_LIMITS.participants,
    'participants',
  );
  const hoursJp = wholeNumber(input.hoursJp, 'Jumlah JP', 1, PLAN_LIMITS.hoursJp, 'hoursJp');
  if (
    !Number.isInteger(input.budgetIdr) ||
    input.budgetIdr < 0 ||
    input.budgetIdr > PLAN_LIMITS.budgetIdr
  )
    throw TrainingErrors.badBudget();
  const startsOn = checkDate(input.startsOn, 'startsOn');
  const endsOn = checkDate(input.endsOn, 'endsOn');
  if (endsOn < startsOn) throw TrainingErrors.endsBeforeStart();
  if (endsOn.slice(0, 4) !== startsOn.slice(0, 4)) throw TrainingErrors.spansYears();

  const gapIds = [...new Set(input.gapIds ?? [])];
  if (gapIds.length > PLAN_LIMITS.gaps)
    throw TrainingErrors.outOfRange('Jumlah kesenjangan', 0, PLAN_LIMITS.gaps, 'gapIds');
  for (const id of gapIds) if (!isUuid(id)) throw TrainingErrors.badGapId(id);

  return {
    title,
    provider,
    competencyCode,
    method: input.method,
    route: input.route,
    agencyCodes,
    participants,
    hoursJp,
    budgetIdr: input.budgetIdr,
    startsOn,
    endsOn,
    gapIds: gapIds.map((id) => id.toLowerCase()),
    cityCode: [...cities][0],
    year: Number(startsOn.slice(0, 4)),
  };
}
