import { Migration } from '@mikro-orm/migrations';

/**
 * Gap evidence looked up by cluster: every placement that touches a cluster
 * relinks its gaps, and deleting an emptied cluster cascades here; without the
 * index both scanned all evidence.
 */
export class Migration20261130160000_gap_evidence_cluster extends Migration {
  override name = 'Migration20261130160000_gap_evidence_cluster';

  override up(): void | Promise<void> {
    this.addSql(`create index "gap_evidence_cluster_id_index" on "gap_evidence" ("cluster_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "gap_evidence_cluster_id_index";`);
  }
}
