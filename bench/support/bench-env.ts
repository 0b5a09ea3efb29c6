import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { dropDatabase } from '@suara/database';

/** A database of the benchmark's own, created, migrated and seeded by the real CLI. */
export async function freshBenchDatabase(name: string): Promise<string> {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/suara');
  url.pathname = `/${name}`;
  await dropDatabase(url.toString());
  execFileSync(process.execPath, ['dist/apps/cli/src/main.js', 'db:setup'], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return url.toString();
}

/** Starts a built app (api or worker) as its own process, as `npm start` does. */
export async function startProcess(
  app: 'api' | 'worker',
  env: Record<string, string>,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [`dist/apps/${app}/src/main.js`], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (app === 'api') {
    const url = `http://127.0.0.1:${env.PORT}/health`;
    for (let i = 0; i < 200; i++) {
      if ((await fetch(url).catch(() => undefined))?.ok) return child;
      await sleep(100);
    }
    child.kill();
    throw new Error('The API did not become healthy');
  }
  return child;
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  console.table(rows);
}

/** Times `run` after 20 warm-up calls: p50 and p95 over `runs` calls. */
export async function measure(name: string, runs: number, run: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run(i + 20);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return {
    query: name,
    runs,
    'p50 ms': percentile(times, 50).toFixed(2),
    'p95 ms': percentile(times, 95).toFixed(2),
  };
}
