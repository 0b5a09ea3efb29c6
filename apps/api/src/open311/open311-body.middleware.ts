import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { formatOfPath, sendErrors } from './georeport-response.js';

export const OPEN311_PATH = '/open311/';

// A report is at most 4,000 characters; the rest of a request is short fields.
const LIMIT = '64kb';
const parseForm = express.urlencoded({ extended: false, limit: LIMIT, parameterLimit: 100 });
const parseJson = express.json({ limit: LIMIT });

/**
 * GeoReport clients post forms (application/x-www-form-urlencoded), which the
 * rest of Suara does not accept, and some post JSON. Flat form parsing keeps
 * `attribute[code]` as the key it is. A body the parsers refuse is answered as
 * GeoReport errors in the format asked for, not as Express's or Nest's page.
 */
@Injectable()
export class Open311Body implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const parse = /^application\/json\b/i.test(req.get('content-type') ?? '')
      ? parseJson
      : parseForm;
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const status = (error as { status?: number }).status === 413 ? 413 : 400;
      sendErrors(res, formatOfPath(req), status, [
        {
          code: status,
          description:
            status === 413
              ? 'Permintaan terlalu besar (paling banyak 64 KB).'
              : 'Isi permintaan tidak dapat dibaca. Kirim formulir (application/x-www-form-urlencoded) atau JSON yang sah.',
        },
      ]);
    });
  }
}
