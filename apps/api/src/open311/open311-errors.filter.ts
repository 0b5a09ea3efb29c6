import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, isDomainError } from '@suara/core';
import { formatOfPath, sendErrors } from './georeport-response.js';

const STATUS: Record<DomainError['code'], number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

/** What GeoReport clients are told when a framework refusal has no words of ours. */
const GENERIC: Record<number, string> = {
  400: 'Permintaan tidak dapat dibaca. Kirim parameter sebagai formulir (application/x-www-form-urlencoded) atau JSON.',
  404: 'Endpoint ini tidak ada. Lihat discovery.json atau discovery.xml.',
  413: 'Permintaan terlalu besar.',
  429: 'Terlalu banyak permintaan. Coba lagi sebentar lagi.',
};

/**
 * Every Open311 refusal as the specification writes errors: an array of
 * { code, description } in the format asked for, with the HTTP status as code.
 * A fault is logged and answered with a generic 500; never a stack trace.
 */
@Catch()
export class Open311ErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const format = formatOfPath(req);
    if (isDomainError(error)) {
      const status = STATUS[error.code];
      sendErrors(res, format, status, [{ code: status, description: error.message }]);
      return;
    }
    const status = error instanceof HttpException ? error.getStatus() : 500;
    if (status >= 500) this.logger.error(error);
    const description =
      GENERIC[status] ?? 'Terjadi kesalahan di server Suara. Coba lagi beberapa saat lagi.';
    sendErrors(res, format, status < 500 ? status : 500, [{ code: status, description }]);
  }
}
