import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type GapView, InsightCurationService, InsightReadService } from '@suara/insight';
import type { AgencyWeek } from '../effectiveness/effectiveness.js';
import type { EvidenceQuery, EvidenceSource } from './evidence-source.port.js';
import type { GapRecord, GapSource, GapStatus } from './gap-source.port.js';

const record = (g: GapView): GapRecord => ({
  id: g.id,
  agencyCode: g.agencyCode,
  cityCode: g.cityCode,
  competencyCode: g.competencyCode,
  severity: g.severity,
  status: g.status as GapStatus,
  evidenceClusterIds: g.evidenceClusterIds,
  evidenceCount: g.evidenceCount,
});

/** Insight's gaps, read through its public services; insight stays their only writer. */
@Injectable()
export class InsightGapSource implements GapSource {
  constructor(
    private readonly read: InsightReadService,
    private readonly curation: InsightCurationService,
  ) {}

  async list(filter: { cityCode?: string; status?: GapStatus[] }): Promise<GapRecord[]> {
    const gaps = await this.read.list({ cityCode: filter.cityCode });
    return gaps
      .filter((g) => !filter.status || filter.status.includes(g.status as GapStatus))
      .map(record);
  }

  async get(ids: readonly string[]): Promise<GapRecord[]> {
    return ids.length === 0 ? [] : (await this.read.list({}, ids)).map(record);
  }

  markAddressed(em: EntityManager, gapIds: readonly string[], at: Date): Promise<void> {
    return this.curation.markAddressed(em, gapIds, at);
  }
}

/** Weekly complaint counts from insight's themes and clusters. */
@Injectable()
export class InsightEvidenceSource implements EvidenceSource {
  constructor(private readonly read: InsightReadService) {}

  weeklyComplaints(query: EvidenceQuery): Promise<AgencyWeek[]> {
    return this.read.weeklyEvidence(query);
  }
}
