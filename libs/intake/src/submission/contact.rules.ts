import validator from 'validator';

/**
 * Indonesian numbers as citizens write them (0812-3456-7890, +62 812 3456 7890,
 * 62812…, (061) 4567890) normalised to +62…; undefined when it is not one.
 * Mobile numbers are 08 + 8–11 digits; landlines an area code 02–09 + 6–9 digits.
 */
export function normaliseIndonesianPhone(input: string): string | undefined {
  const compact = input.replace(/[\s\-().]/g, '');
  const national = compact.startsWith('+62')
    ? compact.slice(3)
    : compact.startsWith('62')
      ? compact.slice(2)
      : compact.startsWith('0')
        ? compact.slice(1)
        : undefined;
  if (national === undefined || !/^\d+$/.test(national)) return undefined;
  const mobile = /^8[1-9]\d{7,10}$/.test(national);
  const landline = /^[2-9]\d{7,10}$/.test(national);
  return mobile || landline ? `+62${national}` : undefined;
}

export function isValidEmail(input: string): boolean {
  return (
    input.length <= 254 &&
    validator.isEmail(input, { allow_display_name: false, require_tld: true })
  );
}
