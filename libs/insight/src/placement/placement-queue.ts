import { Logger, type LoggerService } from '@nestjs/common';

/**
 * Gathers calls into batches without waiting on a timer: the first call starts
 * a batch at once (on the next turn of the event loop, so calls made together
 * go together); calls made while a batch runs wait and form the next one. Idle,
 * an item waits for nothing; busy, batches grow with the load. One batch at a
 * time per process: batches of one process would only queue for the same
 * agencies' locks anyway.
 *
 * A batch that failed on its data (`replayable`) is replayed item by item, so
 * one item that cannot be placed fails its own job only, never the jobs that
 * happened to share its batch. Any other failure (the database unreachable or
 * timing out) would fail every replay the same way: every item of the batch is
 * rejected with it at once.
 */
export class PlacementQueue<K, V> {
  private waiting: { key: K; resolve: (v: V) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly work: (keys: readonly K[]) => Promise<V[]>,
    private readonly maxBatch: number,
    private readonly replayable: (error: unknown) => boolean,
    private readonly logger: Pick<LoggerService, 'error'> = new Logger(PlacementQueue.name),
  ) {}

  add(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.waiting.push({ key, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, this.maxBatch);
      try {
        const values = await this.work(batch.map((b) => b.key));
        batch.forEach((b, i) => b.resolve(values[i]));
      } catch (error) {
        const replay = batch.length > 1 && this.replayable(error);
        this.logger.error(
          `A batch of ${batch.length} failed${replay ? ', replayed item by item' : ''}: ${String(error)}`,
          error instanceof Error ? error.stack : undefined,
        );
        if (!replay) for (const b of batch) b.reject(error);
        else for (const b of batch) await this.work([b.key]).then(([v]) => b.resolve(v), b.reject);
      }
    }
    this.running = false;
  }
}
