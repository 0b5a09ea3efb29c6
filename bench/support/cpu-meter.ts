import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Linux reports process times in clock ticks; 100 per second on every kernel this runs on. */
const TICKS_PER_SECOND = 100;

export interface CpuReading {
  worker: number;
  postgres: number;
  redis: number;
}

/** utime + stime, and the reaped children's cutime + cstime, of one /proc entry. */
function times(pid: string): { comm: string; own: number; children: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    // Fields after the command: state is the 3rd field of stat(5), utime the 14th.
    const f = stat
      .slice(close + 2)
      .split(' ')
      .map(Number);
    return { comm, own: f[11] + f[12], children: f[13] + f[14] };
  } catch {
    return undefined; // ended between listing and reading
  }
}

/**
 * CPU seconds used so far by the worker process, by PostgreSQL (live backends,
 * plus ended ones through their parent's reaped-children times) and by Redis:
 * where the pipeline's time goes, machine-wide, so take it on a quiet machine.
 */
export function readCpu(workerPid: number): CpuReading {
  const out: CpuReading = { worker: 0, postgres: 0, redis: 0 };
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const t = times(pid);
    if (!t) continue;
    if (Number(pid) === workerPid) out.worker += t.own;
    else if (t.comm === 'postgres') out.postgres += t.own + t.children;
    else if (t.comm === 'redis-server') out.redis += t.own;
  }
  return {
    worker: out.worker / TICKS_PER_SECOND,
    postgres: out.postgres / TICKS_PER_SECOND,
    redis: out.redis / TICKS_PER_SECOND,
  };
}

/** Milliseconds of CPU per item between two readings, beside what a target rate allows. */
export function cpuPerItem(
  before: CpuReading,
  after: CpuReading,
  items: number,
  targetRate: number,
): Record<string, string>[] {
  const ms = (s: number) => ((s * 1000) / items).toFixed(2);
  const spent = (k: keyof CpuReading) => after[k] - before[k];
  const total = spent('worker') + spent('postgres') + spent('redis');
  return [
    {
      what: 'worker process (routing, themes, placement decisions)',
      'CPU ms per item': ms(spent('worker')),
    },
    { what: 'PostgreSQL (all backends)', 'CPU ms per item': ms(spent('postgres')) },
    { what: 'Redis', 'CPU ms per item': ms(spent('redis')) },
    { what: 'total', 'CPU ms per item': ms(total) },
    {
      what: `what ${targetRate.toFixed(0)} items/s (the target) allows on ${availableParallelism()} cores`,
      'CPU ms per item': ((availableParallelism() * 1000) / targetRate).toFixed(2),
    },
  ];
}
