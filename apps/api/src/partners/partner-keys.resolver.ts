import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@suara/identity';
import { PartnerKeysService } from '@suara/partners';
import { CurrentPrincipal, StaffAuthGuard } from '../identity/staff-auth.guard.js';
import { PartnerApiKeyModel } from './partner-keys.models.js';

@Resolver(() => PartnerApiKeyModel)
@UseGuards(StaffAuthGuard)
export class PartnerKeysResolver {
  constructor(private readonly keys: PartnerKeysService) {}

  @Query(() => [PartnerApiKeyModel], { description: 'Partner keys, newest first (admins).' })
  partnerApiKeys(@CurrentPrincipal() principal: Principal): Promise<PartnerApiKeyModel[]> {
    return this.keys.list(principal);
  }

  @Mutation(() => PartnerApiKeyModel, {
    description: 'Creates a key for a partner system (admins); the key is shown only here.',
  })
  createPartnerApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('name') name: string,
  ): Promise<PartnerApiKeyModel> {
    return this.keys.create(principal, name);
  }

  @Mutation(() => PartnerApiKeyModel, { description: 'Revokes a partner key at once (admins).' })
  revokePartnerApiKey(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PartnerApiKeyModel> {
    return this.keys.revoke(principal, id);
  }
}
