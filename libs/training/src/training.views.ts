import type { TrainingMethod, TrainingPlanStatus, TrainingRoute } from './training.enums.js';

export interface PlanGapView {
  id: string;
  /** Null when the gap source no longer knows the gap. */
  status: string | null;
}

export interface TrainingPlanView {
  id: string;
  cityCode: string;
  year: number;
  title: string;
  competencyCode: string;
  agencyCodes: string[];
  participants: number;
  method: TrainingMethod;
  route: TrainingRoute;
  provider: string;
  startsOn: string;
  endsOn: string;
  hoursJp: number;
  budgetIdr: number;
  gaps: PlanGapView[];
  status: TrainingPlanStatus;
  completedOn: string | null;
  version: number;
}

export interface AgencyYearView {
  agencyCode: string;
  agencyName: string;
  civilServants: number;
  /** True when an admin recorded the figure; false when it is the default of the agency's type. */
  civilServantsRecorded: boolean;
  plannedParticipantJp: number;
  jpPerCivilServant: number;
  meetsJpRight: boolean;
}

export interface TrainingYearView {
  cityCode: string;
  year: number;
  jpRightPerCivilServant: number;
  plans: number;
  budgetUsedIdr: number;
  budgetCompletedIdr: number;
  jpPerCivilServant: number;
  agencies: AgencyYearView[];
}

export interface AgencyWorkforceView {
  agencyCode: string;
  civilServants: number;
  recorded: boolean;
}
