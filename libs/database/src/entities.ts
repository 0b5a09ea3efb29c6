import { AuditEntry } from '@suara/audit';
import { InstallationSecret, StaffUser } from '@suara/identity';
import { INSIGHT_ENTITIES } from '@suara/insight';
import { Feedback, FeedbackResponse, ForumSession, ReporterContact } from '@suara/intake';
import { OutboxMessage } from '@suara/queue';
import { Agency, City, Competency, ComplaintTheme } from '@suara/reference';
import { RoutingDecision, RoutingExample, RoutingModel, RoutingPhrase } from '@suara/routing';
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
  ...INSIGHT_ENTITIES,
];
