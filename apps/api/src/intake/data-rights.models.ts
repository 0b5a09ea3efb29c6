import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('ContactErasure')
export class ContactErasureModel {
  @Field()
  trackingCode: string;

  @Field({
    description:
      'true bila data kontak dihapus sekarang; false bila sudah tidak ada (pernah dihapus atau tidak diisi).',
  })
  erased: boolean;
}
