import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { StaffRole } from '@suara/identity';

registerEnumType(StaffRole, { name: 'StaffRole' });

@ObjectType()
export class StaffUserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => StaffRole)
  role: StaffRole;

  @Field(() => String, { nullable: true })
  agencyCode?: string;

  @Field(() => String, { nullable: true })
  cityCode?: string;

  @Field()
  active: boolean;
}

@ObjectType()
export class AuthPayload {
  @Field()
  accessToken: string;

  @Field()
  expiresAt: Date;

  @Field(() => StaffUserModel)
  user: StaffUserModel;
}

@InputType()
export class CreateStaffUserInput {
  @Field()
  email: string;

  @Field()
  name: string;

  @Field({ description: 'At least 10 characters' })
  password: string;

  @Field(() => StaffRole)
  role: StaffRole;

  @Field(() => String, { nullable: true, description: 'Required for AGENCY_STAFF' })
  agencyCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for COORDINATOR' })
  cityCode?: string | null;
}
