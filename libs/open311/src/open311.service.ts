import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { isDomainError } from '@suara/core';
import {
  FeedbackChannel,
  FeedbackKind,
  FeedbackStatus,
  IntakeService,
  normaliseTrackingCode,
} from '@suara/intake';
import { PartnerKeysService } from '@suara/partners';
import { ReferenceService } from '@suara/reference';
import {
  type RawParams,
  attributes,
  booleanAttribute,
  commaList,
  number,
  single,
} from './georeport-params.js';
import {
  CLOSED_STATUSES,
  MAX_DESCRIPTION,
  OPEN_STATUSES,
  toGeoReportRequest,
} from './georeport-request.mapper.js';
import { parseGeoReportTime } from './georeport-time.js';
import type {
  GeoReportCreated,
  GeoReportDiscovery,
  GeoReportRequest,
  GeoReportService,
  GeoReportServiceDefinition,
} from './georeport.views.js';
import { Open311Errors } from './open311.errors.js';
import { Open311RequestsReader, type RequestFilter } from './open311-requests.reader.js';
import {
  Attribute,
  MAX_IDEMPOTENCY_KEY,
  SERVICES,
  type ServiceEntry,
  serviceByCode,
} from './service-catalog.js';
import { KNOWN_ATTRIBUTES, serviceDefinition, toGeoReportService } from './service-definitions.js';

export const MAX_RESULTS = 1_000;
export const WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;
/** When the interface last changed shape, for discovery's changeset. */
const CHANGESET = '2026-11-30T00:00:00+07:00';

/** Where an intake refusal's field is in GeoReport's words. */
const PARAM_OF: Record<string, string> = {
  text: 'description',
  location: 'address_string',
  'reporter.name': 'first_name',
  'reporter.email': 'email',
  'reporter.phone': 'phone',
  idempotencyKey: `attribute[${Attribute.idempotencyKey}]`,
  cityCode: 'jurisdiction_id',
};

/**
 * Open311 GeoReport v2 over Suara: services are what a citizen would pick (one
 * per agency type, and a general one routed from the text), requests are
 * feedback items. Submissions go through intake like the form's; reading shows
 * only what the public may see.
 */
@Injectable()
export class Open311Service {
  private readonly reader: Open311RequestsReader;

  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceService,
    private readonly intake: IntakeService,
    private readonly partners: PartnerKeysService,
  ) {
    this.reader = new Open311RequestsReader(em);
  }

  discovery(baseUrl: string): GeoReportDiscovery {
    return {
      changeset: CHANGESET,
      contact: 'Admin Suara di pemerintah kota Anda; kunci API diminta kepada admin.',
      key_service:
        'Kunci API (api_key) dibuat oleh admin Suara melalui mutation createPartnerApiKey.',
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${baseUrl}/open311/v2`,
          changeset: CHANGESET,
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }

  async services(params: RawParams): Promise<GeoReportService[]> {
    await this.optionalJurisdiction(params);
    return SERVICES.map(toGeoReportService);
  }

  async definition(code: string, params: RawParams): Promise<GeoReportServiceDefinition> {
    await this.optionalJurisdiction(params);
    return serviceDefinition(this.service(code));
  }

  /**
   * A partner's report, stored by intake as any citizen's (validation, privacy,
   * idempotency, the routing job) with channel OPEN311. Synchronous: the answer
   * carries the tracking code, so no token is needed.
   */
  async submit(params: RawParams, idempotencyHeader?: string): Promise<GeoReportCreated[]> {
    const cityCode = single(params, 'jurisdiction_id', 32)?.toUpperCase();
    if (!cityCode) throw Open311Errors.missing('jurisdiction_id');
    await this.jurisdiction(cityCode);
    const serviceCode = single(params, 'service_code', 32);
    if (!serviceCode) throw Open311Errors.missing('service_code');
    const service = this.service(serviceCode);
    const description = single(params, 'description', MAX_DESCRIPTION);
    if (!description) throw Open311Errors.missing('description');
    const location = this.location(params);
    const first = single(params, 'first_name', 60);
    const last = single(params, 'last_name', 60);
    const reporter = {
      name: [first, last].filter(Boolean).join(' ') || undefined,
      email: single(params, 'email', 254),
      phone: single(params, 'phone', 32),
    };
    const attrs = attributes(params, 128);
    for (const code of attrs.keys())
      if (!KNOWN_ATTRIBUTES.has(code)) throw Open311Errors.unknownAttribute(code);
    const kind = this.kind(attrs.get(Attribute.kind));
    const idempotencyKey = this.idempotencyKey(
      attrs.get(Attribute.idempotencyKey),
      idempotencyHeader,
    );

    const partner = await this.partners.authenticate(single(params, 'api_key', 256));
    const receipt = await this.intake
      .submit(
        {
          cityCode,
          kind,
          text: description,
          agencyCode: service.agencyType ? `${cityCode}-${service.agencyType}` : undefined,
          location: location.text,
          reporter,
          anonymous: booleanAttribute(Attribute.anonymous, attrs.get(Attribute.anonymous)),
          confidential: booleanAttribute(Attribute.confidential, attrs.get(Attribute.confidential)),
          // One partner's keys can never meet another's, nor the form's.
          idempotencyKey: idempotencyKey && `open311:${partner.keyId}:${idempotencyKey}`,
        },
        FeedbackChannel.OPEN311,
      )
      .catch((error: unknown) => {
        throw isDomainError(error) && error.field && PARAM_OF[error.field]
          ? Open311Errors.fromIntake(error, PARAM_OF[error.field])
          : error;
      });
    const [{ id }] = await this.em.execute<{ id: string }[]>(
      'select id from feedback where tracking_code = ?',
      [receipt.trackingCode],
    );
    // A retried request finds its row already there.
    await this.em.execute(
      `insert into open311_request (feedback_id, service_code, lat, long, partner_key_id)
       values (?, ?, ?, ?, ?) on conflict (feedback_id) do nothing`,
      [id, service.code, location.lat ?? null, location.long ?? null, partner.keyId],
    );
    await this.partners.recordSubmission(partner, { id, trackingCode: receipt.trackingCode });
    return [
      {
        service_request_id: receipt.trackingCode,
        service_notice: `Laporan diterima dengan kode ${receipt.trackingCode}. Suara meneruskannya ke instansi yang berwenang; instansi menanggapi paling lambat 5 hari kerja setelah laporan diteruskan. Warga dapat memantaunya di /lacak dengan kode ini.`,
        account_id: null,
      },
    ];
  }

  /** Public requests: never a confidential one, at most 1,000, newest first. */
  async list(params: RawParams): Promise<GeoReportRequest[]> {
    const cityCode = await this.optionalJurisdiction(params);
    const ids = commaList(params, 'service_request_id', MAX_RESULTS, 40 * MAX_RESULTS);
    const filter: RequestFilter = { cityCode, includeConfidential: false, limit: MAX_RESULTS };
    if (ids) {
      // The specification: with service_request_id given, the other filters do not apply.
      filter.trackingCodes = ids.map((raw) => {
        const code = normaliseTrackingCode(raw);
        if (!code)
          throw Open311Errors.invalid('service_request_id', `"${raw}" bukan kode laporan.`);
        return code;
      });
    } else {
      filter.serviceCodes = commaList(params, 'service_code', SERVICES.length, 500)?.map(
        (code) => this.service(code).code,
      );
      filter.statuses = this.statuses(params);
      Object.assign(filter, this.window(params));
    }
    return this.answer(await this.reader.find(filter));
  }

  async one(rawId: string, params: RawParams): Promise<GeoReportRequest[]> {
    const cityCode = await this.optionalJurisdiction(params);
    const code = normaliseTrackingCode(rawId.slice(0, 64));
    if (!code) throw Open311Errors.unknownRequest(rawId.slice(0, 64));
    const rows = await this.reader.find({
      trackingCodes: [code],
      cityCode,
      includeConfidential: true,
      limit: 1,
    });
    if (rows.length === 0) throw Open311Errors.unknownRequest(code);
    return this.answer(rows);
  }

  private async answer(rows: Awaited<ReturnType<Open311RequestsReader['find']>>) {
    const notes = await this.reader.notes(rows.map((r) => r.id));
    return rows.map((r) => toGeoReportRequest(r, notes.get(r.id)));
  }

  private service(code: string): ServiceEntry {
    const service = code.length <= 32 ? serviceByCode(code) : undefined;
    if (!service) throw Open311Errors.unknownService(code.slice(0, 32));
    return service;
  }

  private async jurisdiction(cityCode: string): Promise<string> {
    if (!(await this.reference.city(cityCode))) {
      const known = (await this.reference.cities()).map((c) => c.code);
      throw Open311Errors.unknownJurisdiction(cityCode, known);
    }
    return cityCode;
  }

  /** Services are the same in every city, so jurisdiction_id may be left out when reading. */
  private async optionalJurisdiction(params: RawParams): Promise<string | undefined> {
    const code = single(params, 'jurisdiction_id', 32)?.toUpperCase();
    return code === undefined ? undefined : this.jurisdiction(code);
  }

  private location(params: RawParams) {
    const lat = number(params, 'lat', -90, 90);
    const long = number(params, 'long', -180, 180);
    if ((lat === undefined) !== (long === undefined))
      throw Open311Errors.invalid(
        lat === undefined ? 'lat' : 'long',
        'lat dan long dikirim bersama.',
      );
    const address = single(params, 'address_string', 300);
    if (lat === undefined && address === undefined) {
      if (single(params, 'address_id', 128)) throw Open311Errors.addressIdUnsupported();
      throw Open311Errors.locationMissing();
    }
    // Staff read the place as text; coordinates alone are still a place.
    return { lat, long, text: address ?? `Koordinat ${lat}, ${long}` };
  }

  private kind(value: string | undefined): FeedbackKind {
    if (value === undefined) return FeedbackKind.COMPLAINT;
    const kind = value.toUpperCase() as FeedbackKind;
    if (!Object.values(FeedbackKind).includes(kind))
      throw Open311Errors.invalid(
        `attribute[${Attribute.kind}]`,
        `gunakan salah satu: ${Object.values(FeedbackKind).join(', ')}.`,
      );
    return kind;
  }

  private idempotencyKey(attribute: string | undefined, header: string | undefined) {
    const key = attribute ?? (header?.trim() || undefined);
    if (key === undefined) return undefined;
    if (!/^[A-Za-z0-9._:-]{8,}$/.test(key) || key.length > MAX_IDEMPOTENCY_KEY)
      throw Open311Errors.invalid(
        `attribute[${Attribute.idempotencyKey}]`,
        `8 sampai ${MAX_IDEMPOTENCY_KEY} karakter huruf, angka, titik, garis bawah, titik dua atau tanda hubung.`,
      );
    return key;
  }

  private statuses(params: RawParams): FeedbackStatus[] | undefined {
    const wanted = commaList(params, 'status', 2, 20);
    if (!wanted) return undefined;
    const statuses = new Set<FeedbackStatus>();
    for (const s of wanted) {
      if (s.toLowerCase() === 'open') OPEN_STATUSES.forEach((x) => statuses.add(x));
      else if (s.toLowerCase() === 'closed') CLOSED_STATUSES.forEach((x) => statuses.add(x));
      else throw Open311Errors.invalid('status', 'gunakan open atau closed.');
    }
    return [...statuses];
  }

  /** The specification's window: 90 days at most, the last 90 by default. */
  private window(params: RawParams): { from: Date; to: Date } {
    const date = (name: string) => {
      const text = single(params, name, 40);
      if (text === undefined) return undefined;
      const value = parseGeoReportTime(text);
      if (!value)
        throw Open311Errors.invalid(
          name,
          'gunakan waktu ISO 8601 dengan zona, misalnya 2026-11-30T08:00:00+07:00.',
        );
      return value;
    };
    const start = date('start_date');
    const end = date('end_date');
    const span = WINDOW_DAYS * DAY_MS;
    const to = end ?? (start ? new Date(start.getTime() + span) : new Date());
    const from = start ?? new Date(to.getTime() - span);
    if (from > to) throw Open311Errors.invalid('end_date', 'harus sesudah start_date.');
    if (to.getTime() - from.getTime() > span) throw Open311Errors.windowTooLong(WINDOW_DAYS);
    return { from, to };
  }
}
