import { readdir, writeFile } from 'node:fs/promises';
import { MikroORM } from '@mikro-orm/postgresql';
import { parseEnv } from '@suara/core';
import { MIGRATIONS_SOURCE_DIR, ensureDatabase, ormOptions } from '@suara/database';

/** Diffs the entities against a migrated database and writes the TypeScript migration. */
export async function migrationCreate(name?: string, initial = false): Promise<void> {
  const env = parseEnv(process.env);
  await ensureDatabase(env.DATABASE_URL);
  const orm = await MikroORM.init(ormOptions(env.DATABASE_URL, 2));
  try {
    const result = initial
      ? await orm.migrator.create(MIGRATIONS_SOURCE_DIR, false, true, name)
      : await orm.migrator.create(MIGRATIONS_SOURCE_DIR, false, false, name);
    if (!result.fileName) console.log('No schema changes: no migration written');
    else {
      await writeMigrationIndex();
      console.log(
        `Wrote ${MIGRATIONS_SOURCE_DIR}/${result.fileName} and listed it in migrations/index.ts`,
      );
    }
  } finally {
    await orm.close(true);
  }
}

/** The explicit list of migrations, in file-name (timestamp) order. */
async function writeMigrationIndex(): Promise<void> {
  const names = (await readdir(MIGRATIONS_SOURCE_DIR))
    .filter((f) => /^Migration\d+.*\.ts$/.test(f))
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  const source =
    names.map((n) => `import { ${n} } from './${n}.js';`).join('\n') +
    '\n\n/** Applied in this order; `npm run migration:create` rewrites this list. */\n' +
    `export const MIGRATIONS = [\n${names.map((n) => `  ${n},`).join('\n')}\n];\n`;
  await writeFile(`${MIGRATIONS_SOURCE_DIR}/index.ts`, source);
}
