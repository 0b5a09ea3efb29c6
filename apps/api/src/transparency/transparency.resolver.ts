import { UseGuards } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AnswerStatsService, MAX_PUBLIC_PAGE, PublicReportsService } from '@suara/transparency';
import { GqlThrottlerGuard } from '../infra/gql-throttler.guard.js';
import { pageComplexity } from '../graphql/operation-limits.js';
import { AgencyAnswerRecordModel, PublicReportPageModel } from './transparency.models.js';

/** The public record: open to anyone, within the public rate budget. */
@Resolver()
export class TransparencyResolver {
  constructor(
    private readonly stats: AnswerStatsService,
    private readonly reports: PublicReportsService,
  ) {}

  @Query(() => AgencyAnswerRecordModel, {
    description:
      'Rekap publik per instansi dan bulan: laporan diterima, tepat waktu diteruskan, median hari kerja sampai tanggapan pertama, selesai, dibuka kembali, nilai warga.',
  })
  @UseGuards(GqlThrottlerGuard)
  agencyAnswerStats(
    @Args('cityCode') cityCode: string,
    @Args('from', {
      type: () => String,
      nullable: true,
      description: 'TTTT-BB; bawaan: 11 bulan sebelum `to`',
    })
    from?: string,
    @Args('to', { type: () => String, nullable: true, description: 'TTTT-BB; bawaan: bulan ini' })
    to?: string,
  ): Promise<AgencyAnswerRecordModel> {
    return this.stats.record(cityCode, from, to);
  }

  @Query(() => PublicReportPageModel, {
    description: 'Laporan yang tidak dirahasiakan, terbaru dahulu, dengan data pribadi disamarkan.',
    complexity: pageComplexity(20, MAX_PUBLIC_PAGE),
  })
  @UseGuards(GqlThrottlerGuard)
  publicReports(
    @Args('cityCode') cityCode: string,
    @Args('agencyCode', { type: () => String, nullable: true }) agencyCode?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<PublicReportPageModel> {
    return this.reports.page(cityCode, agencyCode, first, after);
  }
}
