import type { EntityTable } from '@suara/core';
import type { FeedbackPhoto } from './entities/feedback-photo.entity.js';
import type { Feedback } from './entities/feedback.entity.js';
import type { ReporterContact } from './entities/reporter-contact.entity.js';

/** Intake's tables for the typed query builder, inferred from its entities. */
export interface IntakeTables {
  feedback: EntityTable<
    typeof Feedback,
    | 'search_vector'
    | 'status'
    | 'anonymous'
    | 'confidential'
    | 'submitted_at'
    | 'updated_at'
    | 'reopen_count'
    | 'version'
  >;
  reporter_contact: EntityTable<typeof ReporterContact>;
  feedback_photo: EntityTable<typeof FeedbackPhoto, 'uploaded_at'>;
}
