import { type Principal, StaffRole } from '@suara/identity';
import type { FeedbackQueueEvent } from '../events/feedback-events.js';

/** What the rules need to know of an item: where it belongs and how it was sent. */
export interface ItemScope {
  cityCode: string;
  agencyCode?: string | null;
  anonymous: boolean;
}

/**
 * Who may do what to a feedback item, in one place, so that every service asks
 * the same questions. Staff are bound to their agency, coordinators to their
 * city; planners read everywhere but act nowhere and never see reporters.
 */
export const FeedbackPolicy = {
  canRead(actor: Principal, item: ItemScope): boolean {
    switch (actor.role) {
      case StaffRole.ADMIN:
      case StaffRole.PLANNER:
        return true;
      case StaffRole.COORDINATOR:
        return actor.cityCode === item.cityCode;
      case StaffRole.AGENCY_STAFF:
        return !!item.agencyCode && actor.agencyCode === item.agencyCode;
    }
  },

  /** Acknowledge, respond, assign, resolve, reject, reroute, mark duplicate. */
  canWork(actor: Principal, item: ItemScope): boolean {
    return actor.role !== StaffRole.PLANNER && FeedbackPolicy.canRead(actor, item);
  },

  /**
   * The reporter's identity: only the assigned agency's staff and the city's
   * coordinator, and never for an anonymous item.
   */
  canReadIdentity(actor: Principal, item: ItemScope): boolean {
    if (item.anonymous) return false;
    if (actor.role === StaffRole.AGENCY_STAFF)
      return !!item.agencyCode && actor.agencyCode === item.agencyCode;
    if (actor.role === StaffRole.COORDINATOR) return actor.cityCode === item.cityCode;
    return false;
  },

  /**
   * Planners read complaints as evidence, city-wide: the text with personal data
   * masked (mask-personal-data.ts), since they may never learn who wrote it.
   */
  readsTextMasked(actor: Principal): boolean {
    return actor.role === StaffRole.PLANNER;
  },

  /** The audit trail and escalations: the city's coordinator and admins. */
  canOversee(actor: Principal, cityCode: string): boolean {
    return (
      actor.role === StaffRole.ADMIN ||
      (actor.role === StaffRole.COORDINATOR && actor.cityCode === cityCode)
    );
  },

  /** The part of the queue a principal sees at all, as column restrictions. */
  queueScope(actor: Principal): { cityCode?: string; agencyCode?: string } {
    switch (actor.role) {
      case StaffRole.AGENCY_STAFF:
        return { agencyCode: actor.agencyCode ?? '\u0000' };
      case StaffRole.COORDINATOR:
        return { cityCode: actor.cityCode ?? '\u0000' };
      default:
        return {};
    }
  },

  /**
   * Whether a change to the queue is in the principal's queue scope, before or
   * after it (a reroute leaves one agency's queue for another's): the live
   * queue shows exactly what the queue itself would.
   */
  seesQueueChange(
    actor: Principal,
    change: Pick<FeedbackQueueEvent, 'cityCode' | 'agencyCode' | 'previousAgencyCode'>,
  ): boolean {
    const scope = FeedbackPolicy.queueScope(actor);
    if (scope.cityCode !== undefined && scope.cityCode !== change.cityCode) return false;
    if (scope.agencyCode !== undefined)
      return [change.agencyCode, change.previousAgencyCode].includes(scope.agencyCode);
    return true;
  },
};

/** The policy's view of an item entity. */
export function scopeOf(item: {
  city: { code: string };
  agency?: { code: string };
  anonymous: boolean;
}): ItemScope {
  return { cityCode: item.city.code, agencyCode: item.agency?.code, anonymous: item.anonymous };
}
