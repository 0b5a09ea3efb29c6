import type {
  RoutingBasis,
  RoutingDecision,
  ScoredAgency,
} from './entities/routing-decision.entity.js';
import type { RoutingModel } from './entities/routing-model.entity.js';

/** Why an item went where it went, as staff read it. */
export interface RoutingDecisionView {
  id: string;
  kind: 'AUTOMATIC' | 'REROUTE';
  basis: RoutingBasis;
  /** None when the item went to triage. */
  agencyCode?: string;
  confidence: number;
  alternatives: ScoredAgency[];
  decisiveTerms: string[];
  explanation: string;
  modelVersion?: number;
  createdAt: Date;
}

export function routingDecisionView(decision: RoutingDecision): RoutingDecisionView {
  return {
    id: decision.id,
    kind: decision.kind,
    basis: decision.basis,
    agencyCode: decision.agency?.code,
    confidence: decision.confidence,
    alternatives: decision.alternatives,
    decisiveTerms: decision.decisiveTerms,
    explanation: decision.explanation,
    modelVersion: decision.modelVersion,
    createdAt: decision.createdAt,
  };
}

/** A trained router as admins compare them: its scores, never its weights. */
export interface RoutingModelView {
  version: number;
  heldOutAccuracy: number;
  heldOutSize: number;
  trainingSize: number;
  active: boolean;
  trainedAt: Date;
  note?: string;
}

export function routingModelView(model: RoutingModel): RoutingModelView {
  return {
    version: model.version,
    heldOutAccuracy: model.heldOutAccuracy,
    heldOutSize: model.heldOutSize,
    trainingSize: model.trainingSize,
    active: model.active,
    trainedAt: model.trainedAt,
    note: model.note,
  };
}

/** A routing job that used up its attempts, waiting for an admin. */
export interface FailedRoutingJob {
  jobId: string;
  feedbackId: string;
  trackingCode?: string;
  attemptsMade: number;
  failedReason: string;
  failedAt?: Date;
}
