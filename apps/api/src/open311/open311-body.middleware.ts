import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { formatOfPath, sendErrors } from './georeport-response.js';

// A report is at most 4,000 characters; the rest of a request is short fields.
const MAX_FORM_BYTES = '64kb';
const parseForm = express.urlencoded({
  extended: false,
  limit: MAX_FORM_BYTES,
  parameterLimit: 100,
});

/**
 * GeoReport clients post forms (application/x-www-form-urlencoded), which the
 * rest of Suara does not accept. Flat parsing keeps `attribute[code]` as the
 * key it is. A body the parser refuses is answered as GeoReport errors, not
 * handed to Express's default page.
 */
@Injectable()
export class Open311FormBody implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    parseForm(req, res, (error?: unknown) => {
      if (!error) return next();
      const status = (error as { status?: number }).status === 413 ? 413 : 400;
      sendErrors(res, formatOfPath(req), status, [
        {
          code: status,
          description:
            status === 413
              ? 'Permintaan terlalu besar.'
              : 'Isi permintaan tidak dapat dibaca sebagai formulir.',
        },
      ]);
    });
  }
}
