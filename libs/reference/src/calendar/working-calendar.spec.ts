import { WorkingCalendar } from './working-calendar.js';

const wib = (local: string) => new Date(`${local}+07:00`);

describe('WorkingCalendar', () => {
  const calendar = new WorkingCalendar(['2026-11-26']);

  it('skips weekends', () => {
    // Friday 20 Nov 2026, 19:00 WIB + 3 working days = Wednesday 25 Nov, 19:00 WIB
    expect(calendar.addWorkingDays(wib('2026-11-20T19:00:00'), 3)).toEqual(
      wib('2026-11-25T19:00:00'),
    );
  });

  it('skips national and configured holidays', () => {
    // Thu 24 Dec + 1: 25 Dec is Christmas, 26–27 the weekend → Mon 28 Dec
    expect(calendar.addWorkingDays(wib('2026-12-24T10:00:00'), 1)).toEqual(
      wib('2026-12-28T10:00:00'),
    );
    // Wed 25 Nov + 1: Thu 26 Nov is a configured local holiday → Fri 27 Nov
    expect(calendar.addWorkingDays(wib('2026-11-25T09:00:00'), 1)).toEqual(
      wib('2026-11-27T09:00:00'),
    );
  });

  it('counts days in WIB, not UTC', () => {
    // Saturday 01:00 WIB is still Friday in UTC; it is not a working day in Medan.
    expect(calendar.isWorkingDay(wib('2026-11-21T01:00:00'))).toBe(false);
    expect(calendar.isWorkingDay(wib('2026-11-20T23:30:00'))).toBe(true);
  });

  it('reads the HOLIDAYS setting', () => {
    const c = WorkingCalendar.fromSetting('2026-11-23,2026-11-24');
    expect(c.addWorkingDays(wib('2026-11-20T08:00:00'), 1)).toEqual(wib('2026-11-25T08:00:00'));
    expect(WorkingCalendar.fromSetting('').isWorkingDay(wib('2026-11-23T08:00:00'))).toBe(true);
  });
});
