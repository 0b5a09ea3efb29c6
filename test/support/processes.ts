import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';

/** Runs a command of the built CLI (db:setup, seed:demo) against a database. */
export function runCli(command: string, env: Record<string, string>): void {
  execFileSync(process.execPath, ['dist/apps/cli/src/main.js', command], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

const OUTPUT_KEPT = 64 * 1024;
const outputs = new WeakMap<ChildProcess, { text: string }>();

/**
 * The built worker as its own process, as `npm start` runs it. Its log is kept
 * (the last 64 KB) so that a test that times out can show what the worker did.
 */
export function spawnWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { text: '' };
  const keep = (chunk: Buffer) => {
    output.text = (output.text + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  outputs.set(child, output);
  return child;
}

/** What a spawned worker printed, with its pid and exit state: for failure messages. */
export function workerOutput(child: ChildProcess): string {
  const state =
    child.exitCode !== null || child.signalCode !== null
      ? `exited (${child.exitCode ?? child.signalCode})`
      : 'running';
  return `--- worker ${child.pid}, ${state}, its log:\n${outputs.get(child)?.text ?? ''}---`;
}

export async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}
