import type { EntityTable } from '@suara/core';
import type { ClusterTerm } from './entities/cluster-term.entity.js';
import type { CompetencyGap, GapDismissal, GapEvidence } from './entities/competency-gap.entity.js';
import type { ComplaintCluster } from './entities/complaint-cluster.entity.js';
import type { InsightGeneration } from './entities/insight-generation.entity.js';
import type { InsightItem } from './entities/insight-item.entity.js';
import type { TermFrequency } from './entities/term-frequency.entity.js';

/** Insight's tables for the typed query builder, inferred from its entities. */
export interface InsightTables {
  insight_generation: EntityTable<typeof InsightGeneration, 'documents' | 'created_at'>;
  complaint_cluster: EntityTable<
    typeof ComplaintCluster,
    | 'label'
    | 'size'
    | 'distinct_reporters'
    | 'complaints'
    | 'themes'
    | 'competencies'
    | 'recurring'
    | 'status'
    | 'term_counts'
    | 'created_at'
  >;
  cluster_term: EntityTable<typeof ClusterTerm>;
  term_frequency: EntityTable<typeof TermFrequency>;
  insight_item: EntityTable<typeof InsightItem, 'placed_at'>;
  competency_gap: EntityTable<typeof CompetencyGap, 'status' | 'created_at' | 'updated_at'>;
  gap_evidence: EntityTable<typeof GapEvidence, 'linked_at'>;
  gap_dismissal: EntityTable<typeof GapDismissal, 'dismissed_at'>;
}
