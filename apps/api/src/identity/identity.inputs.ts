import { Field, InputType } from '@nestjs/graphql';
import { StaffRole } from '@suara/identity';

@InputType('CreateStaffUserInput')
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
