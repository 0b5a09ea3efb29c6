import type { SuaraConfig } from '@suara/core';
import { FeedbackKind, FeedbackStatus, KIND_LABEL_ID, STATUS_LABEL_ID } from '@suara/intake';
import { CITIES } from '@suara/reference';
import { ARGUMENT_LIMITS } from '../graphql/limits/argument-limits.js';

/**
 * What the citizen pages show that the server decides. The pages never copy
 * these: the form's choices and sizes, the status names and the auto-close days
 * come from here, so the page and the API cannot disagree.
 */
export interface CitizenPageSettings {
  cities: { code: string; name: string }[];
  kinds: { code: FeedbackKind; label: string }[];
  statusLabels: Record<FeedbackStatus, string>;
  kindLabels: Record<FeedbackKind, string>;
  /** Longest value each field takes, as the API's argument limits declare it. */
  maxLength: {
    text: number;
    location: number;
    reporterName: number;
    reporterEmail: number;
    reporterPhone: number;
    trackingCode: number;
    citizenSecret: number;
    comment: number;
  };
  autoCloseDays: number;
  /** Working days within which a report must reach an agency. */
  routeDays: number;
  /** Days after a report closes until its reporter's contact is erased. */
  retentionDays: number;
  /** Who answers for the citizens' personal data (UU 27/2022). */
  dataController: { name: string; contact: string };
}

export function citizenPageSettings(config: SuaraConfig): CitizenPageSettings {
  return {
    cities: CITIES.map(({ code, name }) => ({ code, name })),
    kinds: Object.values(FeedbackKind).map((code) => ({ code, label: KIND_LABEL_ID[code] })),
    statusLabels: { ...STATUS_LABEL_ID },
    kindLabels: { ...KIND_LABEL_ID },
    maxLength: {
      text: maxLengthOf('SubmitFeedbackInput.text'),
      location: maxLengthOf('SubmitFeedbackInput.location'),
      reporterName: maxLengthOf('ReporterInput.name'),
      reporterEmail: maxLengthOf('ReporterInput.email'),
      reporterPhone: maxLengthOf('ReporterInput.phone'),
      trackingCode: maxLengthOf('Query.feedbackStatus(trackingCode:)'),
      citizenSecret: maxLengthOf('Mutation.rateResolution(citizenSecret:)'),
      comment: maxLengthOf('Mutation.rateResolution(comment:)'),
    },
    autoCloseDays: config.env.SLA_AUTO_CLOSE_DAYS,
    routeDays: config.env.SLA_ROUTE_DAYS,
    retentionDays: config.env.RETENTION_DAYS_AFTER_CLOSE,
    dataController: {
      name: config.env.DATA_CONTROLLER_NAME,
      contact: config.env.DATA_CONTROLLER_CONTACT,
    },
  };
}

function maxLengthOf(coordinate: string): number {
  const limit = ARGUMENT_LIMITS[coordinate]?.maxLength;
  if (limit === undefined) throw new Error(`No maxLength declared for ${coordinate}`);
  return limit;
}
