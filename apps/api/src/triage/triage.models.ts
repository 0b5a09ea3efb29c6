import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLJSON } from 'graphql-type-json';
import { FeedbackChannel, FeedbackKind, FeedbackStatus } from '../graphql/enums.js';

@ObjectType('RoutingSummary', {
  description: 'How the item reached its agency: the latest routing decision',
})
export class RoutingSummaryModel {
  @Field(() => String, { nullable: true })
  agencyCode?: string;

  @Field(() => Float)
  confidence: number;

  @Field()
  explanation: string;

  @Field({ description: 'AUTOMATIC (the router) or REROUTE (a person)' })
  kind: string;

  @Field()
  basis: string;
}

@ObjectType('StaffSummary')
export class StaffSummaryModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  email: string;
}

@ObjectType('ReporterIdentity', {
  description: 'Who reported the item. Every read is recorded in the audit trail.',
})
export class ReporterIdentityModel {
  @Field(() => String, { nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  email?: string;

  @Field(() => String, { nullable: true })
  phone?: string;
}

@ObjectType('StaffResponse')
export class StaffResponseModel {
  @Field(() => ID)
  id: string;

  @Field()
  message: string;

  @Field({ description: 'Shown to the citizen on the status page; false for internal notes' })
  public: boolean;

  @Field(() => ID)
  authorId: string;

  @Field()
  createdAt: Date;
}

@ObjectType('Feedback', { description: 'A feedback item as staff see it' })
export class FeedbackModel {
  @Field(() => ID)
  id: string;

  @Field()
  trackingCode: string;

  @Field(() => FeedbackKind)
  kind: FeedbackKind;

  @Field(() => FeedbackChannel)
  channel: FeedbackChannel;

  @Field()
  text: string;

  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field()
  cityCode: string;

  @Field(() => String, { nullable: true, description: 'The agency the citizen named, if any' })
  agencyHintCode?: string;

  @Field(() => String, { nullable: true })
  location?: string;

  @Field(() => Float, { nullable: true, description: 'WGS84, when the citizen shared it' })
  latitude?: number;

  @Field(() => Float, { nullable: true })
  longitude?: number;

  @Field({ description: 'The agency never sees who reported it' })
  anonymous: boolean;

  @Field({ description: 'The citizen asked that the report not be made public' })
  confidential: boolean;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field(() => ID, { nullable: true, description: 'For a duplicate: the original it follows' })
  duplicateOfId?: string;

  @Field()
  submittedAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'The current deadline (working days, WIB)' })
  slaDueAt?: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt?: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When it closes itself if the citizen does not rate it',
  })
  closeDueAt?: Date;

  @Field(() => Int)
  reopenCount: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the breach of the current deadline was escalated',
  })
  escalatedAt?: Date;

  @Field(() => Int, {
    description: 'Send it back as expectedVersion: a change based on an older version is refused',
  })
  version: number;

  agencyCode?: string;
}

@ObjectType('FeedbackEdge')
export class FeedbackEdgeModel {
  @Field()
  cursor: string;

  // Free: the item's own fields carry its cost.
  @Field(() => FeedbackModel, { complexity: ({ childComplexity }) => childComplexity })
  node: FeedbackModel;
}

@ObjectType('PageInfo')
export class PageInfoModel {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string;
}

@ObjectType('FeedbackConnection')
export class FeedbackConnectionModel {
  // Free: feedbackQueue multiplies one edge's cost by the page size.
  @Field(() => [FeedbackEdgeModel], { complexity: ({ childComplexity }) => childComplexity })
  edges: FeedbackEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;

  @Field(() => Int)
  totalCount: number;
}

@ObjectType('AuditEntryModel')
export class AuditEntryModel {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field({ description: 'STAFF, CITIZEN or SYSTEM' })
  actorType: string;

  @Field(() => String, { nullable: true })
  actorId?: string;

  @Field()
  action: string;

  @Field(() => GraphQLJSON, { nullable: true })
  before?: Record<string, unknown>;

  @Field(() => GraphQLJSON, { nullable: true })
  after?: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  publicNote?: string;
}

@ObjectType('EscalationModel')
export class EscalationModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  feedbackId: string;

  @Field()
  trackingCode: string;

  @Field()
  cityCode: string;

  @Field(() => String, { nullable: true })
  agencyCode?: string;

  @Field({ description: 'The deadline that was missed' })
  dueAt: Date;

  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field()
  createdAt: Date;
}

@ObjectType('FeedbackQueueEventModel', { description: 'An item entered or changed in a queue' })
export class FeedbackQueueEventModel {
  @Field(() => ID)
  feedbackId: string;

  @Field()
  trackingCode: string;

  @Field(() => FeedbackStatus)
  status: FeedbackStatus;

  @Field()
  cityCode: string;

  @Field(() => String, { nullable: true })
  agencyCode?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Set when the item left that agency (a reroute)',
  })
  previousAgencyCode?: string;

  @Field()
  at: Date;
}
