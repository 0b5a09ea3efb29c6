import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError } from '@suara/core';
import { IntakeErrors, MAX_PHOTO_BYTES } from '@suara/intake';
import { ApiErrors } from '../infra/api.errors.js';

/**
 * Multer's and the throttler's refusals arrive as English HttpExceptions; the
 * citizen reads them in Indonesian, in the same shape as every other refusal.
 */
@Catch(HttpException, DomainError)
export class PhotoUploadErrorsFilter implements ExceptionFilter {
  catch(error: HttpException | DomainError, host: ArgumentsHost): void {
    const refusal = error instanceof DomainError ? error : translate(error);
    const status = STATUS[refusal.code] ?? 400;
    host.switchToHttp().getResponse<Response>().status(status).json({
      code: refusal.code,
      reason: refusal.reason,
      message: refusal.message,
      field: refusal.field,
    });
  }
}

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
};

function translate(error: HttpException): DomainError {
  switch (error.getStatus()) {
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return IntakeErrors.photoTooLarge(MAX_PHOTO_BYTES >> 20);
    case HttpStatus.TOO_MANY_REQUESTS:
      return ApiErrors.rateLimited('unggahan', 60);
    default:
      // Another field, several files, a body that is not multipart: one photo per request.
      return IntakeErrors.photoMissing();
  }
}
