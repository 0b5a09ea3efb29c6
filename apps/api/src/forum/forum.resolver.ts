import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { type Principal } from '@suara/identity';
import { ForumService } from '@suara/intake';
import { ForumImportResultModel, ForumSessionModel } from './forum.models.js';
import { ForumSessionInput, ForumStatementInput } from './forum.inputs.js';
import { CurrentPrincipal, StaffAuthGuard } from '../identity/staff-auth.guard.js';

@Resolver(() => ForumSessionModel)
@UseGuards(StaffAuthGuard)
export class ForumResolver {
  constructor(private readonly forum: ForumService) {}

  @Mutation(() => ForumSessionModel, { name: 'recordForumSession' })
  recordForumSession(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ForumSessionInput,
  ): Promise<ForumSessionModel> {
    return this.forum.recordSession(principal, input);
  }

  @Mutation(() => ForumImportResultModel)
  importForumStatements(
    @CurrentPrincipal() principal: Principal,
    @Args('sessionId', { type: () => ID }) sessionId: string,
    @Args('statements', { type: () => [ForumStatementInput] }) statements: ForumStatementInput[],
  ): Promise<ForumImportResultModel> {
    return this.forum.importStatements(principal, sessionId, statements);
  }
}
