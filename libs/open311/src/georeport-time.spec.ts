import { parseGeoReportTime, toGeoReportTime } from './georeport-time.js';

describe('GeoReport times', () => {
  it('writes WIB local time with its offset, which reads back as the same instant', () => {
    const at = new Date('2026-11-30T02:15:30.456Z');
    expect(toGeoReportTime(at)).toBe('2026-11-30T09:15:30+07:00');
    expect(parseGeoReportTime(toGeoReportTime(at))!.getTime()).toBe(
      new Date('2026-11-30T02:15:30Z').getTime(),
    );
  });

  it.each([
    ['2026-11-30T00:00:00Z', '2026-11-30T00:00:00.000Z'],
    ['2026-11-30T07:00:00+0700', '2026-11-30T00:00:00.000Z'],
    ['2026-11-30T07:00+07:00', '2026-11-30T00:00:00.000Z'],
    ['2026-11-30', '2026-11-29T17:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseGeoReportTime(text)!.toISOString()).toBe(iso);
  });

  it.each(['kemarin', '2026-11-30T07:00:00', '2026-13-40T00:00:00Z', '30/11/2026', ''])(
    'refuses %s (no zone, or not a time)',
    (text) => {
      expect(parseGeoReportTime(text)).toBeUndefined();
    },
  );
});
