import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createRequire } from 'node:module';
import { CITIZEN_ASSETS_DIR } from '../citizen-form/citizen-form.controller.js';
import { plannerPageSettings, renderPlannerPage } from './planner-page.js';

// The chart library is served by the app itself: an intranet without internet still draws charts.
const ECHARTS_FILE = createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js');

// As strict as the citizen pages: scripts, styles and data only from this origin.
// The charts draw on canvas and their tooltips render inside it, so no inline style is needed.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/**
 * The planners' dashboard. The page is public HTML with no data in it: every
 * figure comes from GraphQL with the planner's own token, like any other client.
 */
@Controller('planner')
export class PlannerDashboardController {
  private readonly page = renderPlannerPage(CITIZEN_ASSETS_DIR, plannerPageSettings());

  @Get()
  @Header('Content-Security-Policy', CSP)
  @Header('Cache-Control', 'no-cache')
  dashboard(@Res() res: Response): void {
    res.type('html').send(this.page);
  }

  @Get('assets/echarts.min.js')
  @Header('Cache-Control', 'public, max-age=86400')
  echarts(@Res() res: Response): void {
    res.type('text/javascript').sendFile(ECHARTS_FILE);
  }
}
