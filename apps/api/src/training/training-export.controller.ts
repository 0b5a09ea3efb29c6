import { Controller, Get, Header, Query, UseGuards } from '@nestjs/common';
import { type Principal } from '@suara/identity';
import { TrainingExportService, parseExportYear as parseYear } from '@suara/training';
import { CurrentPrincipal, StaffAuthGuard } from '../identity/staff-auth.guard.js';

/** The planners' CSV files, behind the same bearer token as GraphQL. */
@Controller('planner/export')
@UseGuards(StaffAuthGuard)
export class TrainingExportController {
  constructor(private readonly exports: TrainingExportService) {}

  @Get('gaps.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="kesenjangan-kompetensi.csv"')
  gaps(@CurrentPrincipal() principal: Principal): Promise<string> {
    return this.exports.gapsCsv(principal);
  }

  @Get('plans.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="rencana-pengembangan-kompetensi.csv"')
  plans(@CurrentPrincipal() principal: Principal, @Query('year') year?: string): Promise<string> {
    return this.exports.plansCsv(principal, parseYear(year));
  }

  @Get('effectiveness.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="efektivitas-pelatihan.csv"')
  effectiveness(
    @CurrentPrincipal() principal: Principal,
    @Query('year') year?: string,
  ): Promise<string> {
    return this.exports.effectivenessCsv(principal, parseYear(year));
  }
}
