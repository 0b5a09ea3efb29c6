import { IntakeErrors } from '../intake.errors.js';
import { FeedbackKind } from '../feedback.enums.js';
import { isValidEmail, normaliseIndonesianPhone } from './contact.rules.js';

export const MAX_TEXT_LENGTH = 5_000;
const MAX_LOCATION = 300;
const MAX_NAME = 120;

export interface SubmissionInput {
  cityCode: string;
  kind: FeedbackKind;
  text: string;
  agencyCode?: string | null;
  location?: string | null;
  reporter?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  anonymous?: boolean | null;
  confidential?: boolean | null;
  idempotencyKey?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  photoTokens?: readonly string[] | null;
}

export interface CleanSubmission {
  cityCode: string;
  kind: FeedbackKind;
  text: string;
  agencyCode?: string;
  location?: string;
  reporter?: { name?: string; email?: string; phone?: string };
  anonymous: boolean;
  confidential: boolean;
  idempotencyKey?: string;
  coordinates?: { latitude: number; longitude: number };
  photoTokens: string[];
}

/** Three photos are enough to show a problem; more would make the report slow to send from a phone. */
export const MAX_PHOTOS = 3;

// C0 and C1 control characters other than tab and newline: PostgreSQL refuses NUL
// in text, and the others only hide content from the people who read it.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Direction marks, embeddings, overrides and isolates (and the deprecated format
// controls beside them): they reorder what staff see on screen, so a report could
// show one thing and say another. Indonesian text never needs them.
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u206F]/g;
// Characters that draw nothing: zero-width and other default-ignorable code points
// (Hangul fillers among them, though Unicode calls them letters), and the blank
// braille pattern, which fonts draw as empty space.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
const VISIBLE_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// Blank at either end, beyond what trim() knows: zero-width spaces, fillers, blank
// braille. Not joiners or variation selectors, which end emoji such as ❤️.
const BLANK_EDGES =
  /^[\s\u200B\u2060\uFEFF\u115F\u1160\u3164\uFFA0\u2800]+|[\s\u200B\u2060\uFEFF\u115F\u1160\u3164\uFFA0\u2800]+$/g;

/**
 * Text as stored: Unicode-composed, without control or direction characters,
 * trimmed; blank when nothing a person could read remains (no visible letter or
 * digit). Zero-width joiners stay inside the text, since emoji sequences need them.
 */
export function cleanText(value: string | null | undefined): string {
  const text = (value ?? '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(DIRECTION, '')
    .replace(BLANK_EDGES, '');
  return VISIBLE_LETTER_OR_DIGIT.test(text.replace(INVISIBLE, '')) ? text : '';
}

function optional(value: string | null | undefined): string | undefined {
  const v = cleanText(value);
  return v === '' ? undefined : v;
}

export function checkFeedbackText(raw: string, field = 'text'): string {
  const text = cleanText(raw);
  if (text === '') throw IntakeErrors.textEmpty(field);
  if (text.length > MAX_TEXT_LENGTH)
    throw IntakeErrors.textTooLong(MAX_TEXT_LENGTH, text.length, field);
  return text;
}

export function checkLength(value: string | undefined, label: string, max: number, field: string) {
  if (value !== undefined && value.length > max) throw IntakeErrors.tooLong(label, max, field);
  return value;
}

/** Text a person must give (a reason, an answer), cleaned like feedback text. */
export function checkRequiredText(
  value: string | null | undefined,
  label: string,
  max: number,
  field: string,
): string {
  const text = cleanText(value);
  if (text === '') throw IntakeErrors.required(label, field);
  return checkLength(text, label, max, field)!;
}

/** Optional text, cleaned; undefined when blank. */
export function checkOptionalText(
  value: string | null | undefined,
  label: string,
  max: number,
  field: string,
) {
  return checkLength(optional(value), label, max, field);
}

/**
 * The checks a submission must pass before anything is stored, in the order a
 * person fills the form, so the first error named is the first field to fix.
 * Reference codes (city, agency) are checked against the database by the service.
 */
export function checkSubmission(input: SubmissionInput): CleanSubmission {
  const cityCode = cleanText(input.cityCode).toUpperCase();
  const text = checkFeedbackText(input.text);
  const agencyCode = optional(input.agencyCode)?.toUpperCase();
  const location = checkLength(optional(input.location), 'Lokasi', MAX_LOCATION, 'location');

  const name = checkLength(optional(input.reporter?.name), 'Nama', MAX_NAME, 'reporter.name');
  const email = optional(input.reporter?.email)?.toLowerCase();
  if (email !== undefined && !isValidEmail(email)) throw IntakeErrors.invalidEmail();
  const rawPhone = optional(input.reporter?.phone);
  const phone = rawPhone === undefined ? undefined : normaliseIndonesianPhone(rawPhone);
  if (rawPhone !== undefined && phone === undefined) throw IntakeErrors.invalidPhone();

  const idempotencyKey = optional(input.idempotencyKey);
  if (idempotencyKey !== undefined && !/^[A-Za-z0-9._:-]{8,128}$/.test(idempotencyKey)) {
    throw IntakeErrors.invalidIdempotencyKey();
  }

  const coordinates = checkCoordinates(input.latitude, input.longitude);
  const photoTokens = [...new Set(input.photoTokens ?? [])];
  if (photoTokens.length > MAX_PHOTOS) throw IntakeErrors.tooManyPhotos(MAX_PHOTOS);

  const hasContact = name !== undefined || email !== undefined || phone !== undefined;
  return {
    cityCode,
    kind: input.kind,
    text,
    agencyCode,
    location,
    reporter: hasContact ? { name, email, phone } : undefined,
    anonymous: input.anonymous ?? false,
    confidential: input.confidential ?? false,
    idempotencyKey,
    coordinates,
    photoTokens,
  };
}

/** Both or neither, each a real WGS84 value; whether it lies in the city is the service's check. */
export function checkCoordinates(
  latitude: number | null | undefined,
  longitude: number | null | undefined,
): { latitude: number; longitude: number } | undefined {
  if (latitude == null && longitude == null) return undefined;
  if (
    latitude == null ||
    longitude == null ||
    !Number.isFinite(latitude) ||
    !Number.isFinite(longitude) ||
    Math.abs(latitude) > 90 ||
    Math.abs(longitude) > 180
  )
    throw IntakeErrors.invalidCoordinates();
  return { latitude, longitude };
}
