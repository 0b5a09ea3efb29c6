import { AUDIT_ENTITIES } from '@suara/audit';
import { IDENTITY_ENTITIES } from '@suara/identity';
import { INSIGHT_ENTITIES } from '@suara/insight';
import { INTAKE_ENTITIES } from '@suara/intake';
import { QUEUE_ENTITIES } from '@suara/queue';
import { REFERENCE_ENTITIES } from '@suara/reference';
import { ROUTING_ENTITIES } from '@suara/routing';
import { TRIAGE_ENTITIES } from '@suara/triage';
import { NOTIFICATION_ENTITIES } from '@suara/notifications';
import { OPEN311_ENTITIES } from '@suara/open311';
import { PARTNER_ENTITIES } from '@suara/partners';
import { TRAINING_ENTITIES } from '@suara/training';
import { TRANSPARENCY_ENTITIES } from '@suara/transparency';

/**
 * Every entity, listed: discovery by folder scanning differs between src and
 * dist. Each context names its own tables; a new context adds its list here.
 */
export const ENTITIES = [
  ...REFERENCE_ENTITIES,
  ...INTAKE_ENTITIES,
  ...AUDIT_ENTITIES,
  ...QUEUE_ENTITIES,
  ...ROUTING_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...TRIAGE_ENTITIES,
  ...TRAINING_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...PARTNER_ENTITIES,
  ...OPEN311_ENTITIES,
  ...TRANSPARENCY_ENTITIES,
  ...INSIGHT_ENTITIES,
];
