/**
 * National holidays and collective leave (libur nasional dan cuti bersama) as
 * set by the joint ministerial decree (SKB 3 Menteri). Dates of religious
 * holidays move every year: check the decree each December and add what it
 * changes through HOLIDAYS until this list is updated.
 */
export const NATIONAL_HOLIDAYS: readonly string[] = [
  // 2026
  '2026-01-01',
  '2026-01-16',
  '2026-02-17',
  '2026-03-19',
  '2026-03-20',
  '2026-03-21',
  '2026-03-23',
  '2026-03-24',
  '2026-04-03',
  '2026-05-01',
  '2026-05-14',
  '2026-05-27',
  '2026-05-31',
  '2026-06-01',
  '2026-06-16',
  '2026-08-17',
  '2026-08-25',
  '2026-12-24',
  '2026-12-25',
  // 2027
  '2027-01-01',
  '2027-01-05',
  '2027-02-06',
  '2027-03-09',
  '2027-03-10',
  '2027-03-11',
  '2027-03-26',
  '2027-05-01',
  '2027-05-06',
  '2027-05-16',
  '2027-05-20',
  '2027-06-01',
  '2027-06-06',
  '2027-08-14',
  '2027-08-17',
  '2027-12-25',
];
