import type { AgencyWeek } from '../effectiveness/effectiveness.js';

export interface EvidenceQuery {
  competencyCode: string;
  clusterIds: readonly string[];
  /** First Monday and the Monday after the last week, YYYY-MM-DD. */
  from: string;
  to: string;
}

/**
 * Weekly complaint counts per agency, every city: `matching` counts complaints
 * in the clusters or carrying the competency, `total` every complaint the agency
 * received that week. Bound to insight's cluster and theme tables.
 */
export interface EvidenceSource {
  weeklyComplaints(query: EvidenceQuery): Promise<AgencyWeek[]>;
}

export const EVIDENCE_SOURCE = Symbol('EVIDENCE_SOURCE');
