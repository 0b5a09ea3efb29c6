import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { StaffRole } from '@suara/identity';

registerEnumType(StaffRole, { name: 'StaffRole' });

@ObjectType('StaffUserModel')
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

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field()
  accessToken: string;

  @Field()
  expiresAt: Date;

  @Field(() => StaffUserModel)
  user: StaffUserModel;
}
