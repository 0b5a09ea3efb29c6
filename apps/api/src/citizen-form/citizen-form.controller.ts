import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'public');

// Scripts and styles come only from this origin; the page talks only to /graphql.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The citizen's pages: the form at `/` and the tracking page at `/lacak`. */
@Controller()
export class CitizenFormController {
  @Get()
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-cache')
  form(@Res() res: Response): void {
    res.sendFile(join(PUBLIC_DIR, 'index.html'));
  }

  @Get('lacak')
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-cache')
  tracking(@Res() res: Response): void {
    res.sendFile(join(PUBLIC_DIR, 'lacak.html'));
  }
}

export const CITIZEN_ASSETS_DIR = PUBLIC_DIR;
