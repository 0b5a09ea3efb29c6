import { AuditEntry } from '@suara/audit';
import { InstallationSecret, StaffUser } from '@suara/identity';
import { Feedback, FeedbackResponse, ForumSession, ReporterContact } from '@suara/intake';
import { NOTIFICATION_ENTITIES } from '@suara/notifications';
import { OPEN311_ENTITIES } from '@suara/open311';
import { PARTNER_ENTITIES } from '@suara/partners';
import { OutboxMessage } from '@suara/queue';
import { Agency, City, Competency, ComplaintTheme } from '@suara/reference';
import { RoutingDecision, RoutingExample, RoutingModel, RoutingPhrase } from '@suara/routing';
import { TRAINING_ENTITIES } from '@suara/training';
import { Escalation, ResolutionRating } from '@suara/triage';

/** Every entity, listed: discovery by folder scanning differs between src and dist. */
export const ENTITIES = [
  City,
  Agency,
  Competency,
  ComplaintTheme,
  Feedback,
  ReporterContact,
  FeedbackResponse,
  ForumSession,
  AuditEntry,
  OutboxMessage,
  RoutingDecision,
  RoutingModel,
  RoutingExample,
  RoutingPhrase,
  StaffUser,
  InstallationSecret,
  Escalation,
  ResolutionRating,
  ...TRAINING_ENTITIES,
  ...NOTIFICATION_ENTITIES,
  ...PARTNER_ENTITIES,
  ...OPEN311_ENTITIES,
];
