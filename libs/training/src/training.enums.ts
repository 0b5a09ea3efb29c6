/** The kinds of learning the field names (DOMAIN.md, PP 11/2017 Pasal 205). */
export enum TrainingMethod {
  PELATIHAN = 'PELATIHAN',
  SEMINAR = 'SEMINAR',
  WORKSHOP = 'WORKSHOP',
  MAGANG = 'MAGANG',
  STUDI_BANDING = 'STUDI_BANDING',
  COACHING_MENTORING = 'COACHING_MENTORING',
  E_LEARNING = 'E_LEARNING',
}

/** Klasikal (face to face, in a class) or non-klasikal (at work, online, placements). */
export enum TrainingRoute {
  KLASIKAL = 'KLASIKAL',
  NON_KLASIKAL = 'NON_KLASIKAL',
}

export enum TrainingPlanStatus {
  DRAFT = 'DRAFT',
  APPROVED = 'APPROVED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** Indonesian names for text people read (explanations, CSV). */
export const METHOD_LABEL: Record<TrainingMethod, string> = {
  PELATIHAN: 'pelatihan',
  SEMINAR: 'seminar',
  WORKSHOP: 'workshop',
  MAGANG: 'magang',
  STUDI_BANDING: 'studi banding',
  COACHING_MENTORING: 'coaching/mentoring',
  E_LEARNING: 'e-learning',
};

export const ROUTE_LABEL: Record<TrainingRoute, string> = {
  KLASIKAL: 'klasikal',
  NON_KLASIKAL: 'non-klasikal',
};

/** Every civil servant's yearly right to competency development (PP 17/2020, Pasal 203). */
export const JP_RIGHT_PER_YEAR = 20;
