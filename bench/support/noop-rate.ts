import { Queue, Worker } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';

/** Jobs per second of a BullMQ worker that does nothing: the ceiling any pipeline is compared with. */
export async function noopRate(options: {
  items: number;
  concurrency: number;
  prefix: string;
  redisUrl: string;
}): Promise<number> {
  const { items, concurrency, prefix } = options;
  const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('noop-bench', { connection, prefix });
  await queue.addBulk(
    Array.from({ length: items }, (_, i) => ({
      name: 'noop',
      data: { i },
      opts: { removeOnComplete: true },
    })),
  );
  let done = 0;
  const started = performance.now();
  const worker = new Worker('noop-bench', async () => undefined, {
    connection,
    prefix,
    concurrency,
  });
  worker.on('completed', () => done++);
  while (done < items) await sleep(20);
  const rate = items / ((performance.now() - started) / 1000);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return rate;
}
