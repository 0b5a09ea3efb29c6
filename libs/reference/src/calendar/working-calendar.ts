import { NATIONAL_HOLIDAYS } from '../data/national-holidays.js';

/** All four cities keep Western Indonesian Time (WIB, UTC+7), which has no daylight saving. */
const WIB_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/**
 * Service deadlines count working days: Monday to Friday, less national holidays
 * and the extra days a deployment configures. Days are the calendar days of WIB.
 */
export class WorkingCalendar {
  private readonly holidays: ReadonlySet<string>;

  constructor(extraHolidays: Iterable<string> = []) {
    this.holidays = new Set([...NATIONAL_HOLIDAYS, ...extraHolidays]);
  }

  static fromSetting(setting: string): WorkingCalendar {
    return new WorkingCalendar(setting.split(',').filter(Boolean));
  }

  isWorkingDay(at: Date): boolean {
    const local = new Date(at.getTime() + WIB_OFFSET_MS);
    const weekday = local.getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(local.toISOString().slice(0, 10));
  }

  /**
   * The moment `days` working days after `from`, at the same time of day. Counting
   * starts the next day, so a complaint sent on Friday evening with three days is
   * due on Wednesday evening.
   */
  addWorkingDays(from: Date, days: number): Date {
    let at = from.getTime();
    let left = days;
    while (left > 0) {
      at += DAY_MS;
      if (this.isWorkingDay(new Date(at))) left--;
    }
    return new Date(at);
  }
}
