import { NestFactory } from '@nestjs/core';
import { InsightRebuildService } from '@suara/insight';
import { CliModule } from '../cli.module.js';

/** Rebuilds themes, clusters and gaps into a new generation, then switches over. */
export async function insightRebuild(): Promise<number> {
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const r = await app.get(InsightRebuildService).rebuild();
    console.log(
      `Generasi ${r.generation} aktif: ${r.placed} laporan, ${r.clusters} kelompok, ` +
        `${r.carriedDismissals} penolakan dibawa ke kelompok yang sama (${r.seconds.toFixed(1)} s).`,
    );
    return 0;
  } finally {
    await app.close();
  }
}
