import type { Principal, StaffRole } from '@suara/identity';
import { FeedbackKind, IntakeService } from '@suara/intake';
import { RoutingService } from '@suara/routing';
import type { ServiceContext } from '@suara/testing';
import { TEXT_FOR } from '../support/triage-items.js';

/** A seeded demo account as the services receive it once its token is verified. */
export async function principalOf(ctx: ServiceContext, email: string): Promise<Principal> {
  const [row] = await ctx.sql<{
    id: string;
    role: StaffRole;
    agency_code: string | null;
    city_code: string | null;
  }>('select id, role, agency_code, city_code from staff_user where email = ?', [email]);
  if (!row) throw new Error(`No demo account ${email} in the template database`);
  return {
    userId: row.id,
    email,
    role: row.role,
    agencyCode: row.agency_code ?? undefined,
    cityCode: row.city_code ?? undefined,
  };
}

/**
 * A citizen's complaint, submitted and routed by the services themselves, to
 * the agency named (the text is one the router sends there).
 */
export async function routedItem(
  ctx: ServiceContext,
  agencyCode: string,
): Promise<{ id: string; trackingCode: string }> {
  const [cityCode, type] = agencyCode.split('-');
  const receipt = await ctx.get(IntakeService).submit({
    cityCode,
    kind: FeedbackKind.COMPLAINT,
    text: TEXT_FOR[type],
    agencyCode,
  });
  const [{ id }] = await ctx.sql<{ id: string }>(
    'select id from feedback where tracking_code = ?',
    [receipt.trackingCode],
  );
  const outcome = await ctx.get(RoutingService).route(id);
  if (outcome !== 'ROUTED')
    throw new Error(`Expected ${receipt.trackingCode} routed, got ${outcome}`);
  return { id, trackingCode: receipt.trackingCode };
}

/** The audit trail of a subject, oldest first, as the columns say it. */
export function trailOf(ctx: ServiceContext, subjectId: string) {
  return ctx.sql<{
    action: string;
    actor_type: string;
    actor_id: string | null;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
    public_note: string | null;
  }>(
    `select action, actor_type, actor_id, before, after, public_note
       from audit_entry where subject_id = ? order by id`,
    [subjectId],
  );
}
