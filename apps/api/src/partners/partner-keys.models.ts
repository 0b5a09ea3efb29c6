import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('PartnerApiKey', {
  description: 'A partner system key for the Open311 interface (/open311/v2/).',
})
export class PartnerApiKeyModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, {
    nullable: true,
    description: 'The key itself: only in the answer of createPartnerApiKey, never again.',
  })
  key?: string;

  @Field({ description: 'The first symbols of the key, to tell keys apart.' })
  keyPrefix: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the key stopped working.' })
  revokedAt?: Date;
}
