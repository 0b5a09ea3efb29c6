import type { Request, Response } from 'express';
import { GeoReportXml, Open311Errors, type GeoReportError } from '@suara/open311';

export type GeoReportFormat = 'json' | 'xml';

/** The format a path asks for; anything but .json and .xml is refused. */
export function formatOf(format: string): GeoReportFormat {
  const lower = format.toLowerCase();
  if (lower === 'json' || lower === 'xml') return lower;
  throw Open311Errors.unknownFormat(format.slice(0, 16));
}

/** For errors: the format the path ended with, XML (the specification's required one) otherwise. */
export function formatOfPath(req: Request): GeoReportFormat {
  return /\.json$/i.test(req.path) ? 'json' : 'xml';
}

/**
 * Sends a GeoReport answer. Open311 data is public and read by other sites'
 * scripts, so it may be read across origins (helmet would forbid it otherwise).
 */
export function send<T>(
  res: Response,
  format: GeoReportFormat,
  status: number,
  body: T,
  xml: (body: T) => string,
): void {
  res
    .status(status)
    .set('Access-Control-Allow-Origin', '*')
    .set('Cross-Origin-Resource-Policy', 'cross-origin')
    .set('Cache-Control', 'no-store')
    .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8')
    .send(format === 'json' ? JSON.stringify(body) : xml(body));
}

export function sendErrors(
  res: Response,
  format: GeoReportFormat,
  status: number,
  errors: GeoReportError[],
): void {
  send(res, format, status, errors, GeoReportXml.errors);
}
