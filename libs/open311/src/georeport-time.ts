/**
 * Every Suara city keeps Western Indonesian Time (UTC+7), so GeoReport times are
 * written with that offset: what a partner shows its users is local time, and
 * the offset keeps it unambiguous (ISO 8601 / W3C date-time).
 */
const WIB_OFFSET_MS = 7 * 3_600_000;

export function toGeoReportTime(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date-time with its zone (the specification's W3C format); a bare date is the
 * start of that day in WIB. Undefined when it is neither.
 */
export function parseGeoReportTime(value: string): Date | undefined {
  const text = value.trim();
  const iso = DATE_ONLY.test(text)
    ? `${text}T00:00:00+07:00`
    : DATE_TIME.test(text)
      ? text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
      : undefined;
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
