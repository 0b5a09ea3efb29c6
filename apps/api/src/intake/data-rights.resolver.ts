import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ContactErasureService } from '@suara/intake';
import { GqlThrottlerGuard } from '../infra/gql-throttler.guard.js';
import { ContactErasureModel } from './data-rights.models.js';

/** The citizen's rights over their own data (UU 27/2022), proven by the receipt's secret. */
@Resolver()
export class DataRightsResolver {
  constructor(private readonly erasure: ContactErasureService) {}

  @Mutation(() => ContactErasureModel, {
    description:
      'Hapus nama, email dan nomor telepon Anda dari laporan. Laporan tetap ada, sebagai laporan anonim.',
  })
  @UseGuards(GqlThrottlerGuard)
  eraseMyContact(
    @Args('trackingCode') trackingCode: string,
    // Nullable in the schema only so that a client that leaves it out is told, in
    // Indonesian and with the field named, what to send; the service requires it.
    @Args('citizenSecret', {
      type: () => String,
      nullable: true,
      description: 'Kode rahasia dari tanda terima (wajib): membuktikan Anda pengirim laporan',
    })
    citizenSecret?: string,
  ): Promise<ContactErasureModel> {
    return this.erasure.eraseMyContact(trackingCode, citizenSecret);
  }
}
