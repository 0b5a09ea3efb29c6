import { XMLBuilder } from 'fast-xml-parser';
import type {
  GeoReportCreated,
  GeoReportDiscovery,
  GeoReportError,
  GeoReportRequest,
  GeoReportService,
  GeoReportServiceDefinition,
} from './georeport.views.js';

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false });
const DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** XML has no null: an absent value is an empty element, as the specification's examples show. */
function blankNulls<T>(value: T): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(blankNulls);
  if (typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blankNulls(v)]));
  return value;
}

const build = (root: Record<string, unknown>) => DECLARATION + builder.build(blankNulls(root));

/** The specification's XML documents: one root element per answer, one child per item. */
export const GeoReportXml = {
  discovery: (d: GeoReportDiscovery) =>
    build({
      discovery: {
        ...d,
        endpoints: {
          endpoint: d.endpoints.map((e) => ({ ...e, formats: { format: e.formats } })),
        },
      },
    }),
  services: (services: GeoReportService[]) => build({ services: { service: services } }),
  serviceDefinition: (d: GeoReportServiceDefinition) =>
    build({
      service_definition: {
        service_code: d.service_code,
        attributes: {
          attribute: d.attributes.map((a) =>
            a.values ? { ...a, values: { value: a.values } } : a,
          ),
        },
      },
    }),
  requests: (requests: (GeoReportRequest | GeoReportCreated)[]) =>
    build({ service_requests: { request: requests } }),
  errors: (errors: GeoReportError[]) => build({ errors: { error: errors } }),
};
