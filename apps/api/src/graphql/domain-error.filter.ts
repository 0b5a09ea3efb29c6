import { ArgumentsHost, Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { DomainError } from '@suara/core';

const HTTP_STATUS: Record<DomainError['code'], number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/**
 * Refusals are answers, not faults: hand them to GraphQL as they are (the error
 * formatter gives them their code) instead of letting Nest log each one as an
 * unexpected exception. Outside GraphQL they become a JSON error response.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): DomainError | void {
    if (host.getType<string>() === 'graphql') return error;
    const res = host.switchToHttp().getResponse<Response>();
    res
      .status(HTTP_STATUS[error.code])
      .json({ code: error.code, reason: error.reason, message: error.message, field: error.field });
  }
}
