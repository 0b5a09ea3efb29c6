/**
 * npm run bench:photos — a citizen's submission with three ~4 MB photos, end to
 * end against a real API process (production mode, fresh database): three
 * `POST /api/photos` one after another, as the form sends them, then
 * `submitFeedback` with their tokens. BENCH_CONNECTIONS clients (10) share
 * BENCH_SUBMISSIONS submissions (200). Prints p50 / p99 of the whole submission
 * and of one upload, throughput, and the API process's resident memory.
 * Prints figures; asserts nothing.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import {
  freshBenchDatabase,
  percentile,
  printTable,
  startProcess,
  stopProcess,
} from './support/bench-env.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const WARM_UP = 10;
const PHOTO_BYTES = 4 * 1024 * 1024;
const SUBMIT = `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { trackingCode status } }`;

/** A JPEG of random noise compresses badly, so its size follows its pixel count. */
function noisyJpeg(width: number, height: number): Promise<Buffer> {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Three distinct photos near PHOTO_BYTES, sized from a small sample's bytes per pixel. */
async function photos(): Promise<Blob[]> {
  const sample = await noisyJpeg(800, 600);
  const scale = Math.sqrt(PHOTO_BYTES / sample.length);
  const width = Math.round(800 * scale);
  const height = Math.round(600 * scale);
  const jpegs = await Promise.all([0, 1, 2].map(() => noisyJpeg(width, height)));
  return jpegs.map((jpeg) => new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }));
}

interface Timings {
  submissions: number[];
  uploads: number[];
  errors: number;
}

async function submitWithPhotos(url: string, files: Blob[], timings?: Timings): Promise<void> {
  const started = performance.now();
  const photoTokens: string[] = [];
  for (const [i, file] of files.entries()) {
    const body = new FormData();
    body.append('photo', file, `foto-${i + 1}.jpg`);
    const uploadStarted = performance.now();
    const response = await fetch(`${url}/api/photos`, { method: 'POST', body });
    const answer = (await response.json()) as { token?: string; message?: string };
    if (!response.ok || !answer.token)
      throw new Error(`upload ${response.status}: ${answer.message}`);
    timings?.uploads.push(performance.now() - uploadStarted);
    photoTokens.push(answer.token);
  }
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: SUBMIT,
      variables: {
        input: {
          cityCode: 'MDN',
          kind: 'COMPLAINT',
          text: 'Jalan di depan pasar berlubang besar dan tergenang setiap hujan, fotonya terlampir. Mohon segera diperbaiki.',
          reporter: { name: 'Warga Uji', phone: '081234567890' },
          photoTokens,
        },
      },
    }),
  });
  const answer = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (!response.ok || answer.errors) throw new Error(`submit: ${answer.errors?.[0]?.message}`);
  timings?.submissions.push(performance.now() - started);
}

/** Resident memory of a process in MB, now and its peak (Linux's VmRSS / VmHWM). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function run(url: string, pid: number, files: Blob[]) {
  for (let i = 0; i < WARM_UP; i++) await submitWithPhotos(url, files);
  const warm = memoryOf(pid);
  const timings: Timings = { submissions: [], uploads: [], errors: 0 };
  let next = 0;
  let sampledPeak = 0;
  const sampler = setInterval(() => (sampledPeak = Math.max(sampledPeak, memoryOf(pid).rss)), 50);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next++ < SUBMISSIONS) {
        await submitWithPhotos(url, files, timings).catch((error: Error) => {
          timings.errors++;
          if (timings.errors <= 3) console.error(error.message);
        });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = memoryOf(pid);
  const submissions = [...timings.submissions].sort((a, b) => a - b);
  const uploads = [...timings.uploads].sort((a, b) => a - b);
  const megabytes = files.reduce((sum, f) => sum + f.size, 0) / 1024 / 1024;
  printTable(
    `${SUBMISSIONS} submissions with three photos (${files.map((f) => (f.size / 1024 / 1024).toFixed(2)).join(' / ')} MB), ` +
      `${CONNECTIONS} clients, ${seconds.toFixed(1)} s`,
    [
      {
        what: 'whole submission (3 uploads + submitFeedback)',
        count: submissions.length,
        'p50 ms': percentile(submissions, 50).toFixed(0),
        'p99 ms': percentile(submissions, 99).toFixed(0),
        'per s': (submissions.length / seconds).toFixed(2),
        errors: timings.errors,
      },
      {
        what: 'one upload (POST /api/photos)',
        count: uploads.length,
        'p50 ms': percentile(uploads, 50).toFixed(0),
        'p99 ms': percentile(uploads, 99).toFixed(0),
        'per s': (uploads.length / seconds).toFixed(2),
        errors: '',
      },
    ],
  );
  printTable('API process memory (RSS)', [
    {
      'after warm-up MB': warm.rss.toFixed(0),
      'peak during load MB': Math.max(sampledPeak, after.rss).toFixed(0),
      'peak since start MB (VmHWM)': after.peak.toFixed(0),
      'after load MB': after.rss.toFixed(0),
      'uploaded MB/s': ((submissions.length * megabytes) / seconds).toFixed(1),
    },
  ]);
}

async function main() {
  const files = await photos();
  const databaseUrl = await freshBenchDatabase('suara_bench_photos');
  const photoDir = mkdtempSync(join(tmpdir(), 'suara-bench-photos-'));
  const port = String(3900 + Math.floor(Math.random() * 90));
  const api = await startProcess('api', {
    DATABASE_URL: databaseUrl,
    PORT: port,
    PUBLIC_RATE_LIMIT: '100000000',
    PHOTO_DIR: photoDir,
    NODE_ENV: 'production',
    // Production refuses the public development secret; this one lives as long as the run.
    JWT_SECRET: randomBytes(32).toString('hex'),
  });
  try {
    await run(`http://127.0.0.1:${port}`, api.pid!, files);
  } finally {
    await stopProcess(api);
    rmSync(photoDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
