import { RoutingService } from '@suara/routing';
import { graphql } from '@suara/testing';
import type { SuaraTestStack } from './suara-test-stack.js';

/** Texts that any sensible router sends to the agency type named. */
export const TEXT_FOR: Record<string, string> = {
  DLH: 'Sampah di TPS dekat pasar menumpuk dan bau, sudah seminggu tidak diangkut truk sampah.',
  DUKCAPIL: 'KTP-el saya belum dicetak sudah tiga bulan di Disdukcapil, katanya blangko habis.',
  PUPR: 'Jalan berlubang besar di depan sekolah dan drainase tersumbat sehingga banjir.',
  DINKES: 'Obat di puskesmas habis dan antrean pasien BPJS sangat lama.',
};

export interface NewItem {
  id: string;
  trackingCode: string;
  /** From the receipt: what the citizen, and only the citizen, rates with. */
  citizenSecret: string;
}

/**
 * A citizen's item as staff meet it: submitted through the API, then routed by
 * the router (called directly, so the test need not wait on a worker).
 */
export async function routedItem(
  stack: SuaraTestStack,
  agencyCode: string,
  extra: Record<string, unknown> = {},
): Promise<NewItem> {
  const [cityCode, type] = agencyCode.split('-');
  const res = await graphql(
    stack.url,
    'mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode citizenSecret } }',
    { i: { cityCode, kind: 'COMPLAINT', text: TEXT_FOR[type], agencyCode, ...extra } },
  );
  if (!res.data) throw new Error(`Submission failed: ${JSON.stringify(res.errors)}`);
  const { trackingCode, citizenSecret } = res.data.submitFeedback as Omit<NewItem, 'id'>;
  const [{ id }] = await stack.sql<{ id: string }>(
    'select id from feedback where tracking_code = ?',
    [trackingCode],
  );
  await stack.apis[0].get(RoutingService).route(id);
  const [row] = await stack.sql<{ agency_code: string }>(
    'select agency_code from feedback where id = ?',
    [id],
  );
  if (row.agency_code !== agencyCode)
    throw new Error(`Expected ${trackingCode} routed to ${agencyCode}, got ${row.agency_code}`);
  return { id, trackingCode, citizenSecret };
}

export const FEEDBACK_FIELDS = `id trackingCode status version slaDueAt agency { code } assigneeId
  routing { agencyCode confidence explanation kind basis } reopenCount duplicateOfId`;
