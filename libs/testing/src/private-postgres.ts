import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

const BIN = (() => {
  const root = '/usr/lib/postgresql';
  const version = readdirSync(root).sort().at(-1);
  return join(root, version!, 'bin');
})();

/**
 * A PostgreSQL server of the test's own (initdb in a temporary folder, a free
 * port), so a test can restart it without touching the shared server. Runs as
 * the `postgres` system user, as PostgreSQL refuses to run as root.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'suara-pg-'));
    chownSync(dir, uidOf('postgres'), gidOf('postgres'));
    const pg = new PrivatePostgres(dir, await freePort());
    pg.asPostgres('initdb', [
      '-D',
      join(dir, 'data'),
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
    ]);
    pg.ctl('start');
    return pg;
  }

  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  restart(): void {
    this.ctl('restart');
  }

  stop(): void {
    this.ctl('stop');
    rmSync(this.dir, { recursive: true, force: true });
  }

  private ctl(action: 'start' | 'restart' | 'stop'): void {
    this.asPostgres('pg_ctl', [
      '-D',
      join(this.dir, 'data'),
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-l',
      join(this.dir, 'log'),
      '-w',
      '-m',
      'fast',
      action,
    ]);
  }

  private asPostgres(binary: string, args: string[]): void {
    const run =
      process.getuid?.() === 0
        ? ['runuser', ['-u', 'postgres', '--', join(BIN, binary), ...args]]
        : [join(BIN, binary), args];
    const result = spawnSync(run[0] as string, run[1] as string[], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${binary} failed: ${result.stderr || result.stdout}`);
  }
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}
