import { Migration20261122204329_initial } from './Migration20261122204329_initial.js';
import { Migration20261122212243_routing } from './Migration20261122212243_routing.js';
import { Migration20261122214256_identity } from './Migration20261122214256_identity.js';
import { Migration20261122235822_triage } from './Migration20261122235822_triage.js';
import { Migration20261130083000_installation_secret } from './Migration20261130083000_installation_secret.js';
import { Migration20261130090000_citizen_secret } from './Migration20261130090000_citizen_secret.js';
import { Migration20261130090936_notifications } from './Migration20261130090936_notifications.js';
import { Migration20261130100000_open311 } from './Migration20261130100000_open311.js';
import { Migration20261130120000_training } from './Migration20261130120000_training.js';
import { Migration20261130130000_insight } from './Migration20261130130000_insight.js';
import { Migration20261130140000_transparency } from './Migration20261130140000_transparency.js';
import { Migration20261130150000_citizen_photos } from './Migration20261130150000_citizen_photos.js';
import { Migration20261130160000_gap_evidence_cluster } from './Migration20261130160000_gap_evidence_cluster.js';

/** Applied in this order; `npm run migration:create` rewrites this list. */
export const MIGRATIONS = [
  Migration20261122204329_initial,
  Migration20261122212243_routing,
  Migration20261122214256_identity,
  Migration20261122235822_triage,
  Migration20261130083000_installation_secret,
  Migration20261130090000_citizen_secret,
  Migration20261130090936_notifications,
  Migration20261130100000_open311,
  Migration20261130120000_training,
  Migration20261130130000_insight,
  Migration20261130140000_transparency,
  Migration20261130150000_citizen_photos,
  Migration20261130160000_gap_evidence_cluster,
];
