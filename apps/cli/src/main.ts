import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { isDomainError } from '@suara/core';
import { dbSetup } from './commands/db-setup.command.js';
import { evalInsight } from './commands/eval-insight.command.js';
import { evalRouting } from './commands/eval-routing.command.js';
import { insightRebuild } from './commands/insight-rebuild.command.js';
import { routingDerive } from './commands/routing-derive.command.js';
import { forumImport } from './commands/forum-import.command.js';
import { migrationCreate } from './commands/migration-create.command.js';
import { seedDemo } from './commands/seed-demo.command.js';

const USAGE = `Usage:
  suara db:setup                                  create the database, migrate, load reference data
  suara migration:create [--name NAME] [--initial]
  suara seed:demo                                 demo staff accounts (not in production)
  suara forum:import --session ID --file PATH     import a forum session's CSV or JSON Lines file
  suara eval:routing --file PATH [--folds 5] [--real LAPOR.txt]
                                                  cross-validated routing accuracy on labeled JSON Lines;
                                                  with --real, also on the LAPOR! 2017 crawl (baseline and held-out folds)
  suara routing:derive --real LAPOR.txt [--out PATH]
                                                  derive agency-marking words from the LAPOR! 2017 crawl for training
  suara eval:insight --file PATH [--folds 5]      held-out themes, clusters and competency gaps on labeled JSON Lines
  suara insight:rebuild                           rebuild themes, clusters and gaps into a new generation, then switch over`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      session: { type: 'string' },
      file: { type: 'string' },
      name: { type: 'string' },
      initial: { type: 'boolean', default: false },
      folds: { type: 'string' },
      real: { type: 'string' },
      out: { type: 'string' },
    },
  });
  switch (command) {
    case 'db:setup':
      await dbSetup();
      return 0;
    case 'migration:create':
      await migrationCreate(values.name, values.initial);
      return 0;
    case 'forum:import':
      if (!values.session || !values.file) {
        console.error('forum:import needs --session ID and --file PATH');
        return 64;
      }
      return forumImport(values.session, values.file);
    case 'seed:demo':
      return seedDemo();
    case 'eval:routing':
      if (!values.file) {
        console.error('eval:routing needs --file PATH (JSON Lines with text and agency)');
        return 64;
      }
      await evalRouting(values.file, values.folds ? Number(values.folds) : 5, values.real);
      return 0;
    case 'routing:derive':
      if (!values.real) {
        console.error('routing:derive needs --real PATH (the LAPOR! 2017 crawl)');
        return 64;
      }
      await routingDerive(
        values.real,
        values.out ?? 'libs/routing/src/lexicon/lapor-2017.derived.json',
      );
      return 0;
    case 'eval:insight':
      if (!values.file) {
        console.error('eval:insight needs --file PATH (labeled JSON Lines, see DOMAIN.md)');
        return 64;
      }
      await evalInsight(values.file, values.folds ? Number(values.folds) : 5);
      return 0;
    case 'insight:rebuild':
      return insightRebuild();
    default:
      console.error(USAGE);
      return 64;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(isDomainError(error) ? error.message : error);
    process.exit(1);
  },
);
