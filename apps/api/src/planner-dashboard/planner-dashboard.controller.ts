import { Controller, Get, Header, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CITIZEN_ASSETS_DIR } from '../citizen-form/citizen-form.controller.js';
import { plannerPageSettings, renderPlannerPage } from './planner-page.js';

// As strict as the citizen pages: scripts, styles and data only from this origin
// (ECharts included, at /assets/vendor/echarts.min.js). The charts draw on canvas
// and their tooltips render inside it, so no inline style is needed.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
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
}
