import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Logger } from 'pino';

export interface SupervisedProcess {
  name: string;
  /** A built entry point, run with this Node. */
  script: string;
}

export interface RestartPolicy {
  /** Wait before the first restart; doubled after each further crash. */
  firstDelayMs: number;
  /** The longest wait. */
  maxDelayMs: number;
  /**
   * A process that stayed up this long before crashing starts again from
   * firstDelayMs; by default as long as the longest wait.
   */
  stableAfterMs?: number;
}

/** How long a process may take to finish its work in hand after SIGTERM. */
const STOP_GRACE_MS = 30_000;

interface Slot {
  process: SupervisedProcess;
  child?: ChildProcess;
  startedAt: number;
  crashes: number;
  restart?: NodeJS.Timeout;
}

/**
 * Runs each process and starts it again whenever it exits, waiting longer after
 * each crash in a row, so a crash of one never takes the other down and a crash
 * loop does not spin. Stopping sends SIGTERM to each and waits for them all.
 */
export class Supervisor {
  private readonly slots: Slot[];
  private stopping = false;
  private killed = false;
  private stopped?: Promise<boolean>;

  constructor(
    processes: SupervisedProcess[],
    private readonly policy: RestartPolicy,
    private readonly log: Logger,
  ) {
    this.slots = processes.map((process) => ({ process, startedAt: 0, crashes: 0 }));
  }

  start(): void {
    for (const slot of this.slots) this.launch(slot);
  }

  private launch(slot: Slot): void {
    slot.restart = undefined;
    // Same process group: a Ctrl-C in the terminal reaches the children too, and
    // Nest ignores the second signal it then gets from stop().
    const child = spawn(process.execPath, [slot.process.script], { stdio: 'inherit' });
    slot.child = child;
    slot.startedAt = Date.now();
    this.log.info({ process: slot.process.name, pid: child.pid }, `${slot.process.name} started`);
    child.on('error', (error) => {
      this.log.error({ process: slot.process.name, err: error }, `${slot.process.name} failed`);
      // Not spawned at all: no exit event will follow, so treat it as one.
      if (child.pid === undefined) this.exited(slot, child, error.message);
    });
    child.on('exit', (code, signal) => this.exited(slot, child, code ?? signal));
  }

  private exited(slot: Slot, child: ChildProcess, how: number | string | null): void {
    if (slot.child !== child) return;
    slot.child = undefined;
    const name = slot.process.name;
    if (this.stopping) {
      this.log.info({ process: name, exit: how }, `${name} stopped`);
      return;
    }
    const ranMs = Date.now() - slot.startedAt;
    if (ranMs >= (this.policy.stableAfterMs ?? this.policy.maxDelayMs)) slot.crashes = 0;
    const delay = Math.min(this.policy.firstDelayMs * 2 ** slot.crashes, this.policy.maxDelayMs);
    slot.crashes++;
    this.log.error(
      { process: name, exit: how, ranMs, restartInMs: delay },
      `${name} exited (${how}) after ${ranMs} ms; starting it again in ${delay} ms`,
    );
    slot.restart = setTimeout(() => this.launch(slot), delay);
  }

  /**
   * SIGTERM to every running process, SIGKILL to any still running after the
   * grace period. Resolves true when all stopped by themselves.
   */
  stop(): Promise<boolean> {
    this.stopped ??= this.stopAll();
    return this.stopped;
  }

  /** SIGKILL to every running process, for a second Ctrl-C. */
  kill(): void {
    this.killed = true;
    for (const child of this.running()) child.kill('SIGKILL');
  }

  private async stopAll(): Promise<boolean> {
    this.stopping = true;
    for (const slot of this.slots) clearTimeout(slot.restart);
    const running = this.running();
    for (const child of running) child.kill('SIGTERM');
    const grace = setTimeout(() => {
      this.log.error(`still running ${STOP_GRACE_MS} ms after SIGTERM: killing`);
      this.kill();
    }, STOP_GRACE_MS);
    await Promise.all(running.map((child) => this.exit(child)));
    clearTimeout(grace);
    return !this.killed;
  }

  private running(): ChildProcess[] {
    return this.slots
      .map((slot) => slot.child)
      .filter((child): child is ChildProcess => child !== undefined);
  }

  private exit(child: ChildProcess): Promise<unknown> {
    return child.exitCode === null && child.signalCode === null
      ? once(child, 'exit')
      : Promise.resolve();
  }
}
