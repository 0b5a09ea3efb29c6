import { ClusterTerm } from './cluster-term.entity.js';
import { CompetencyGap, GapDismissal, GapEvidence } from './competency-gap.entity.js';
import { ComplaintCluster } from './complaint-cluster.entity.js';
import { InsightExample } from './insight-example.entity.js';
import { InsightGeneration } from './insight-generation.entity.js';
import { InsightItem } from './insight-item.entity.js';
import { TermFrequency } from './term-frequency.entity.js';

export * from './cluster-term.entity.js';
export * from './competency-gap.entity.js';
export * from './complaint-cluster.entity.js';
export * from './insight-example.entity.js';
export * from './insight-generation.entity.js';
export * from './insight-item.entity.js';
export * from './term-frequency.entity.js';

/** Insight's tables, for libs/database. */
export const INSIGHT_ENTITIES = [
  InsightGeneration,
  ComplaintCluster,
  ClusterTerm,
  TermFrequency,
  InsightItem,
  CompetencyGap,
  GapEvidence,
  GapDismissal,
  InsightExample,
];
