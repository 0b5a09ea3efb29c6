import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Supervisor } from './supervisor.js';

/** Real child processes: one that crashes at once, one that runs until told to stop. */
describe('Supervisor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'suara-supervisor-'));
  const crashing = join(dir, 'crash.mjs');
  const lasting = join(dir, 'last.mjs');
  const crashingLater = join(dir, 'crash-later.mjs');
  writeFileSync(crashing, 'process.exit(3);\n');
  writeFileSync(crashingLater, 'setTimeout(() => process.exit(4), 150);\n');
  writeFileSync(
    lasting,
    "setInterval(() => {}, 1000); process.on('SIGTERM', () => process.exit(0));\n",
  );

  const capture = () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    return { lines, log: pino({ level: 'info' }, stream) };
  };

  it('restarts a crashing process with a doubling delay up to the maximum, and leaves the other running', async () => {
    const { lines, log } = capture();
    const supervisor = new Supervisor(
      [
        { name: 'crash', script: crashing },
        { name: 'last', script: lasting },
      ],
      // Booting node can take longer than the longest delay on a loaded machine; that
      // must not count as a stable run here, or the doubling starts over mid-test.
      { firstDelayMs: 20, maxDelayMs: 160, stableAfterMs: 60_000 },
      log,
    );
    supervisor.start();
    const restarts = () =>
      lines.filter((l) => l.process === 'crash' && l.restartInMs !== undefined);
    const deadline = Date.now() + 30_000; // node boots slowly on a loaded machine
    while (restarts().length < 6 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(await supervisor.stop()).toBe(true);

    expect(
      restarts()
        .slice(0, 6)
        .map((l) => [l.exit, l.restartInMs]),
    ).toEqual([
      [3, 20],
      [3, 40],
      [3, 80],
      [3, 160],
      [3, 160],
      [3, 160],
    ]);
    const last = lines.filter((l) => l.process === 'last');
    expect(last.map((l) => l.msg)).toEqual(['last started', 'last stopped']);
  });

  it('starts over from the first delay after a process stayed up as long as the longest delay', async () => {
    const { lines, log } = capture();
    const supervisor = new Supervisor(
      [{ name: 'crash', script: crashingLater }],
      { firstDelayMs: 10, maxDelayMs: 100 },
      log,
    );
    supervisor.start();
    const restarts = () => lines.filter((l) => l.restartInMs !== undefined);
    const deadline = Date.now() + 30_000; // node boots slowly on a loaded machine
    while (restarts().length < 3 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    await supervisor.stop();
    expect(
      restarts()
        .slice(0, 3)
        .map((l) => l.restartInMs),
    ).toEqual([10, 10, 10]);
  });
});
