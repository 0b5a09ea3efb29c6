import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';

// The Open311 project's schemas (open311/schema-validation, schema/georeport-v2), unchanged.
const OWN = join(process.cwd(), 'test/support/open311');
const SHARED = join(OWN, 'georeport-v2');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as object;

const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its function arrives as the default export or inside it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (a: Ajv) => void;
addFormats(ajv);
ajv.addSchema(read(join(SHARED, 'service.json')), 'service.json');
ajv.addSchema(read(join(SHARED, 'request.json')), 'request.json');

/** The GeoReport v2 JSON Schemas: the Open311 project's own, and ours where it has none. */
export const Schemas = {
  services: ajv.compile(read(join(SHARED, 'services.json'))),
  serviceDefinition: ajv.compile(read(join(SHARED, 'service-definition.json'))),
  requests: ajv.compile(read(join(SHARED, 'requests.json'))),
  errors: ajv.compile(read(join(OWN, 'errors.schema.json'))),
  discovery: ajv.compile(read(join(OWN, 'discovery.schema.json'))),
  created: ajv.compile(read(join(OWN, 'request-created.schema.json'))),
};

export function expectValid(validate: ValidateFunction, body: unknown): void {
  const ok = validate(body);
  if (!ok)
    throw new Error(`Schema errors: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body)}`);
}

/** Elements that are lists in the specification's XML, even with one item. */
const LISTS = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => LISTS.has(name),
});

export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text) as Record<string, unknown>;
}

/**
 * JSON as its XML would read back: every value as text, null as an empty
 * element (so nothing), lists under their item element.
 */
export function asXmlText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asXmlText(v)]));
  return String(value);
}

export interface Answer {
  status: number;
  type: string;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers of any shape
  body: any;
}

/** One GeoReport call, its body parsed as JSON or XML according to the path. */
export async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json')
    ? JSON.parse(text)
    : type.includes('xml')
      ? parseXml(text)
      : text;
  return { status: response.status, type, text, body };
}

export function form(params: Record<string, string | number>): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString(),
  };
}

export function json(
  params: Record<string, unknown>,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(params),
  };
}
