import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum GapDecision {
  ACCEPT = 'ACCEPT',
  DISMISS = 'DISMISS',
}
registerEnumType(GapDecision, { name: 'GapDecision' });

@ObjectType('ClusterMember', { description: 'A complaint in a cluster; personal data masked' })
export class ClusterMemberModel {
  @Field(() => ID) id: string;
  @Field() text: string;
  @Field(() => [String]) themes: string[];
  @Field() submittedAt: Date;
}

@ObjectType('ComplaintCluster', { description: 'Items of one agency about the same problem' })
export class ComplaintClusterModel {
  @Field(() => ID) id: string;
  agencyCode: string;
  @Field() label: string;
  @Field(() => Int) size: number;
  @Field(() => Int) distinctReporters: number;
  @Field() recurring: boolean;
  @Field() firstSeenAt: Date;
  @Field() lastSeenAt: Date;
  @Field(() => [String]) themes: string[];
}

@ObjectType('CompetencyGap', { description: 'A competency complaints say an agency lacks' })
export class CompetencyGapModel {
  @Field(() => ID) id: string;
  agencyCode: string;
  competencyCode: string;
  evidenceClusterIds: string[];
  @Field(() => Float) severity: number;
  @Field({ description: 'How the severity was computed, in Indonesian' }) severityExplained: string;
  @Field({ description: 'OPEN, ACCEPTED, DISMISSED or ADDRESSED' }) status: string;
  @Field({ description: 'RISING, STABLE or FALLING over the window' }) trend: string;
  @Field(() => [String], { description: 'A few complaints behind the gap, personal data masked' })
  samples: string[];
}

@InputType('ClusterFilter')
export class ClusterFilterInput {
  @Field(() => String, { nullable: true }) cityCode?: string;
  @Field(() => String, { nullable: true }) agencyCode?: string;
  @Field(() => Int, { nullable: true, description: 'Default 2; 1 lists single items too' })
  minSize?: number;
  @Field(() => Boolean, { nullable: true }) recurringOnly?: boolean;
}

@InputType('CompetencyGapFilter')
export class CompetencyGapFilterInput {
  @Field(() => String, { nullable: true }) cityCode?: string;
  @Field(() => String, { nullable: true }) agencyCode?: string;
  @Field(() => String, { nullable: true }) competencyCode?: string;
  @Field(() => String, { nullable: true }) status?: string;
}
