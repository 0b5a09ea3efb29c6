import { ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import { ApiErrors } from './api.errors.js';

/**
 * The budgets of public operations, each per client per minute: mutations share
 * one (PUBLIC_RATE_LIMIT), status look-ups another, larger one
 * (PUBLIC_STATUS_RATE_LIMIT), so refreshing a status page never uses up the
 * budget for sending a report, nor the reverse.
 */
export enum RateBudget {
  PUBLIC = 'public',
  STATUS = 'status',
}

const BUDGET = 'suara:rate-budget';

/** Which budget an operation draws on; without it, PUBLIC. */
export const UseRateBudget = (budget: RateBudget) => SetMetadata(BUDGET, budget);

/**
 * Rate limits for GraphQL operations, keyed by the client's address. Each alias
 * of an operation in one request counts once, so aliases cannot multiply a budget.
 */
@Injectable()
export class GqlThrottlerGuard extends ThrottlerGuard {
  protected override getRequestResponse(context: ExecutionContext) {
    const { req, res } = GqlExecutionContext.create(context).getContext<{
      req: Record<string, unknown>;
      res: Record<string, unknown>;
    }>();
    return { req, res };
  }

  protected override handleRequest(request: ThrottlerRequest): Promise<boolean> {
    if (request.throttler.name !== this.budgetOf(request.context)) return Promise.resolve(true);
    return super.handleRequest(request);
  }

  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const seconds = Math.max(detail.timeToBlockExpire, 1);
    const what = this.budgetOf(context) === RateBudget.STATUS ? 'permintaan' : 'kiriman';
    throw ApiErrors.rateLimited(what, seconds);
  }

  private budgetOf(context: ExecutionContext): RateBudget {
    return (
      this.reflector.getAllAndOverride<RateBudget | undefined>(BUDGET, [
        context.getHandler(),
        context.getClass(),
      ]) ?? RateBudget.PUBLIC
    );
  }
}
