import { Open311Errors } from './open311.errors.js';

/** Parameters as they arrive: a query string, a form body or a JSON body. */
export type RawParams = Record<string, unknown>;

/**
 * One parameter as text, within its ceiling; undefined when absent or blank.
 * Numbers and booleans (JSON bodies) become their text; a repeated parameter or
 * an object is refused, so no value is silently dropped.
 */
export function single(params: RawParams, name: string, max: number): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) throw Open311Errors.repeated(name);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw Open311Errors.invalid(name, 'harus berupa teks.');
  if (value.length > max) throw Open311Errors.tooLong(name, max);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A comma-separated list (the specification's way of giving several values), at most `maxItems`. */
export function commaList(
  params: RawParams,
  name: string,
  maxItems: number,
  maxLength: number,
): string[] | undefined {
  const value = single(params, name, maxLength);
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (items.length > maxItems)
    throw Open311Errors.invalid(name, `paling banyak ${maxItems} nilai sekaligus.`);
  return items.length ? items : undefined;
}

export function number(
  params: RawParams,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const text = single(params, name, 32);
  if (text === undefined) return undefined;
  if (!/^[+-]?\d+(\.\d+)?$/.test(text))
    throw Open311Errors.invalid(name, 'harus berupa angka desimal, misalnya 3.5952.');
  const value = Number(text);
  if (value < min || value > max)
    throw Open311Errors.invalid(name, `harus antara ${min} dan ${max}.`);
  return value;
}

const ATTRIBUTE = /^attribute\[([^\]]{1,64})\]$/;

/**
 * The `attribute[code]` values, from a form (`attribute[anonymous]=true`) or a
 * JSON body (`"attribute": { "anonymous": "true" }` or the same flat keys).
 */
export function attributes(params: RawParams, maxLength: number): Map<string, string> {
  const found = new Map<string, string>();
  const add = (code: string, value: unknown) => {
    const text = single({ [`attribute[${code}]`]: value }, `attribute[${code}]`, maxLength);
    if (found.has(code)) throw Open311Errors.repeated(`attribute[${code}]`);
    if (text !== undefined) found.set(code, text);
  };
  for (const [key, value] of Object.entries(params)) {
    const flat = ATTRIBUTE.exec(key);
    if (flat) add(flat[1], value);
  }
  const nested = params.attribute;
  if (nested !== undefined && nested !== null) {
    if (typeof nested !== 'object' || Array.isArray(nested))
      throw Open311Errors.invalid('attribute', 'harus berupa attribute[kode]=nilai.');
    const entries = Object.entries(nested as Record<string, unknown>);
    if (entries.length > 32) throw Open311Errors.invalid('attribute', 'terlalu banyak atribut.');
    for (const [code, value] of entries) add(code, value);
  }
  return found;
}

export function booleanAttribute(code: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === '1' || lower === 'ya') return true;
  if (lower === 'false' || lower === '0' || lower === 'tidak') return false;
  throw Open311Errors.invalid(`attribute[${code}]`, 'gunakan true atau false.');
}
