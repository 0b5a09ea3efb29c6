import type { EntityManager } from '@mikro-orm/postgresql';

export type GapStatus = 'OPEN' | 'ACCEPTED' | 'DISMISSED' | 'ADDRESSED';

/** A competency gap as training needs it: insight owns gaps, training only reads them. */
export interface GapRecord {
  id: string;
  agencyCode: string;
  cityCode: string;
  competencyCode: string;
  severity: number;
  status: GapStatus;
  evidenceClusterIds: string[];
  /** Complaints in the evidence clusters, for the CSV export. */
  evidenceCount: number;
}

/**
 * Where training reads competency gaps from and how it tells their owner that a
 * completed plan answered them. Bound to insight's gap service by the API and the
 * worker; `markAddressed` runs inside the caller's transaction (`em`), so a plan
 * is never completed without its gaps marked, nor the reverse.
 */
export interface GapSource {
  list(filter: { cityCode?: string; status?: GapStatus[] }): Promise<GapRecord[]>;
  get(ids: readonly string[]): Promise<GapRecord[]>;
  markAddressed(em: EntityManager, gapIds: readonly string[], at: Date): Promise<void>;
}

export const GAP_SOURCE = Symbol('GAP_SOURCE');
