import { UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthService, type Principal, StaffUsersService } from '@suara/identity';
import { GqlThrottlerGuard } from '../infra/gql-throttler.guard.js';
import { clientAddressOf } from './client-address.js';
import { CreateStaffUserInput } from './identity.inputs.js';
import { AuthPayloadModel, StaffUserModel } from './identity.models.js';
import { CurrentPrincipal, StaffAuthGuard } from './staff-auth.guard.js';

@Resolver()
export class IdentityResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: StaffUsersService,
  ) {}

  @Mutation(() => AuthPayloadModel)
  @UseGuards(GqlThrottlerGuard)
  async login(
    @Args('email') email: string,
    @Args('password') password: string,
    @Context('req') req: Parameters<typeof clientAddressOf>[0],
  ): Promise<AuthPayloadModel> {
    return this.auth.login(email, password, clientAddressOf(req));
  }

  @Query(() => StaffUserModel, { description: 'The signed-in staff member' })
  @UseGuards(StaffAuthGuard)
  async me(@CurrentPrincipal() principal: Principal): Promise<StaffUserModel> {
    return this.users.me(principal);
  }

  @Query(() => [StaffUserModel])
  @UseGuards(StaffAuthGuard)
  async staffUsers(@CurrentPrincipal() principal: Principal): Promise<StaffUserModel[]> {
    return this.users.list(principal);
  }

  @Mutation(() => StaffUserModel)
  @UseGuards(StaffAuthGuard)
  async createStaffUser(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateStaffUserInput,
  ): Promise<StaffUserModel> {
    return this.users.create(principal, input);
  }

  @Mutation(() => StaffUserModel)
  @UseGuards(StaffAuthGuard)
  async deactivateStaffUser(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<StaffUserModel> {
    return this.users.deactivate(principal, id);
  }
}
