import { NestFactory } from '@nestjs/core';
import { SingleBar, Presets } from 'cli-progress';
import { SYSTEM_ACTOR } from '@suara/identity';
import { ForumService, readForumFile } from '@suara/intake';
import { CliModule } from '../cli.module.js';

/** Statements per import call: the same batches the GraphQL import accepts. */
const CHUNK = 2_000;

export async function forumImport(sessionId: string, file: string): Promise<number> {
  const statements = await readForumFile(file);
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  const forum = app.get(ForumService);
  const bar = new SingleBar(
    {
      format: 'Mengimpor [{bar}] {percentage}% | {value}/{total} pernyataan | {eta_formatted} lagi',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const totals = {
    imported: 0,
    duplicates: 0,
    rejected: [] as { index: number; reason: string }[],
  };
  try {
    bar.start(statements.length, 0);
    for (let offset = 0; offset < statements.length; offset += CHUNK) {
      const result = await forum.importStatements(
        SYSTEM_ACTOR,
        sessionId,
        statements.slice(offset, offset + CHUNK),
      );
      totals.imported += result.imported;
      totals.duplicates += result.duplicates;
      totals.rejected.push(...result.rejected.map((r) => ({ ...r, index: r.index + offset })));
      bar.update(Math.min(offset + CHUNK, statements.length));
    }
  } finally {
    bar.stop();
    await app.close();
  }
  console.log(
    `Diimpor: ${totals.imported}, duplikat: ${totals.duplicates}, ditolak: ${totals.rejected.length}`,
  );
  for (const r of totals.rejected)
    console.log(`  baris data ke-${r.index + 1} ditolak: ${r.reason}`);
  return totals.rejected.length > 0 ? 2 : 0;
}
