/** GeoReport v2 answers, field for field as the specification names them. */

export interface GeoReportDiscovery {
  changeset: string;
  contact: string;
  key_service: string;
  endpoints: {
    specification: string;
    url: string;
    changeset: string;
    type: 'production' | 'test';
    formats: string[];
  }[];
}

export interface GeoReportService {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

export interface GeoReportAttribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface GeoReportServiceDefinition {
  service_code: string;
  attributes: GeoReportAttribute[];
}

export interface GeoReportRequest {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes: string | null;
  service_name: string | null;
  service_code: string;
  description: string | null;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string | null;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

export interface GeoReportCreated {
  service_request_id: string;
  service_notice: string;
  account_id: string | null;
}

export interface GeoReportError {
  code: number;
  description: string;
}
