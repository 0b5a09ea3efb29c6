import type { WorkingCalendar } from '@suara/reference';

const DAY_MS = 86_400_000;

/** Calendar days (WIB) with whether each is a working day and how many working days came up to it. */
export interface WorkingDayIndex {
  days: string[];
  working: boolean[];
  /** Working days from the first day up to and including this one. */
  index: number[];
}

/**
 * The installation's working calendar as rows SQL can join on, so the database
 * counts working days with the very holidays the deadlines use (national ones
 * plus HOLIDAYS), instead of a second, drifting list.
 */
export function workingDayIndex(
  calendar: WorkingCalendar,
  from: string,
  to: string,
): WorkingDayIndex {
  const out: WorkingDayIndex = { days: [], working: [], index: [] };
  let count = 0;
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    // Noon WIB of that day: isWorkingDay reads the instant in WIB.
    const working = calendar.isWorkingDay(new Date(`${day}T12:00:00+07:00`));
    if (working) count++;
    out.days.push(day);
    out.working.push(working);
    out.index.push(count);
  }
  return out;
}
