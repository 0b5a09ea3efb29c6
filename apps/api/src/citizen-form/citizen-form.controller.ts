import { Controller, Get, Header, Redirect, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SuaraConfig } from '@suara/core';
import { citizenPageSettings } from './citizen-page-settings.js';
import { type CitizenPages, renderCitizenPages } from './citizen-pages.js';

const ECHARTS_FILE = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');
const PUBLIC_DIR = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'public');

// Scripts and styles come only from this origin; the page talks only to /graphql.
// The settings ride in a JSON data block, which is never executed, so no inline script is allowed.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** The citizen's pages: the form at `/` and the tracking page at `/lacak`. */
@Controller()
export class CitizenFormController {
  private readonly pages: CitizenPages;

  constructor(config: SuaraConfig) {
    this.pages = renderCitizenPages(PUBLIC_DIR, citizenPageSettings(config));
  }

  @Get()
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-cache')
  form(@Res() res: Response): void {
    res.type('html').send(this.pages.form);
  }

  @Get('lacak')
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-cache')
  tracking(@Res() res: Response): void {
    res.type('html').send(this.pages.tracking);
  }

  @Get('privasi')
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-cache')
  privacy(@Res() res: Response): void {
    res.type('html').send(this.pages.privacy);
  }

  @Get('data-saya')
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-cache')
  myData(@Res() res: Response): void {
    res.type('html').send(this.pages.myData);
  }

  @Get('statistik')
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-cache')
  statistics(@Res() res: Response): void {
    res.type('html').send(this.pages.statistics);
  }

  @Get('laporan')
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-cache')
  reports(@Res() res: Response): void {
    res.type('html').send(this.pages.reports);
  }

  /** The chart library, from the installed package: never a CDN, and no copy to keep in step. */
  @Get('assets/vendor/echarts.min.js')
  @Header('Cache-Control', 'public, max-age=86400')
  echarts(@Res() res: Response): void {
    res.type('text/javascript').sendFile(ECHARTS_FILE);
  }

  // Browsers and bookmark tools that ignore <link rel="icon"> ask for this path.
  @Get('favicon.ico')
  @Redirect('/assets/favicon.svg', 301)
  favicon(): void {}
}

export const CITIZEN_ASSETS_DIR = PUBLIC_DIR;
