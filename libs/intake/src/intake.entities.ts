import { CitizenFollowUp } from './entities/citizen-follow-up.entity.js';
import { FeedbackPhoto } from './entities/feedback-photo.entity.js';
import { FeedbackResponse } from './entities/feedback-response.entity.js';
import { Feedback } from './entities/feedback.entity.js';
import { ForumSession } from './entities/forum-session.entity.js';
import { ReporterContact } from './entities/reporter-contact.entity.js';

/** The tables this context owns, for libs/database to combine into the ORM's list. */
export const INTAKE_ENTITIES = [
  Feedback,
  ReporterContact,
  FeedbackResponse,
  ForumSession,
  FeedbackPhoto,
  CitizenFollowUp,
] as const;
