/** What insight's services hand the API: never entities. */
export interface ClusterView {
  id: string;
  agencyCode: string;
  cityCode: string;
  label: string;
  size: number;
  distinctReporters: number;
  recurring: boolean;
  firstSeenAt: Date;
  lastSeenAt: Date;
  themes: string[];
}

/** A member as evidence: personal data masked, no reporter. */
export interface ClusterMemberView {
  id: string;
  text: string;
  themes: string[];
  submittedAt: Date;
}

export type GapTrend = 'RISING' | 'STABLE' | 'FALLING';

export interface GapView {
  id: string;
  agencyCode: string;
  cityCode: string;
  competencyCode: string;
  status: string;
  severity: number;
  severityExplained: string;
  trend: GapTrend;
  evidenceClusterIds: string[];
  /** A few complaints behind the gap, personal data masked. */
  samples: string[];
}

export interface ItemInsightView {
  feedbackId: string;
  themes: string[];
  triggers: Record<string, string[]>;
  clusterId: string;
}
