import { type Principal, StaffRole } from '@suara/identity';
import { FeedbackPolicy, type ItemScope, scopeOf } from './feedback.policy.js';

const staff: Principal = {
  userId: 's',
  email: 's@x.id',
  role: StaffRole.AGENCY_STAFF,
  agencyCode: 'MDN-DLH',
  cityCode: 'MDN',
};
const coordinator: Principal = {
  userId: 'c',
  email: 'c@x.id',
  role: StaffRole.COORDINATOR,
  cityCode: 'MDN',
};
const planner: Principal = { userId: 'p', email: 'p@x.id', role: StaffRole.PLANNER };
const admin: Principal = { userId: 'a', email: 'a@x.id', role: StaffRole.ADMIN };

const ownAgency: ItemScope = { cityCode: 'MDN', agencyCode: 'MDN-DLH', anonymous: false };
const otherAgency: ItemScope = { cityCode: 'MDN', agencyCode: 'MDN-PUPR', anonymous: false };
const otherCity: ItemScope = { cityCode: 'PMS', agencyCode: 'PMS-DLH', anonymous: false };
const unrouted: ItemScope = { cityCode: 'MDN', agencyCode: null, anonymous: false };
const anonymous: ItemScope = { ...ownAgency, anonymous: true };

describe('FeedbackPolicy', () => {
  it.each([
    // who, which item, may read, may work, then the principal and the item themselves
    ['agency staff', 'of their agency', true, true, staff, ownAgency],
    ['agency staff', 'of another agency', false, false, staff, otherAgency],
    ['agency staff', 'of another city', false, false, staff, otherCity],
    ['agency staff', 'not yet routed', false, false, staff, unrouted],
    ['a coordinator', 'of an agency of their city', true, true, coordinator, ownAgency],
    ['a coordinator', 'of another agency of their city', true, true, coordinator, otherAgency],
    ['a coordinator', 'of their city not yet routed', true, true, coordinator, unrouted],
    ['a coordinator', 'of another city', false, false, coordinator, otherCity],
    ['a planner', 'of any agency', true, false, planner, ownAgency],
    ['a planner', 'of another city', true, false, planner, otherCity],
    ['an admin', 'of any city', true, true, admin, otherCity],
    ['an admin', 'not yet routed', true, true, admin, unrouted],
  ] as const)('%s, on an item %s: read %s, work %s', (_who, _which, read, work, actor, item) => {
    expect(FeedbackPolicy.canRead(actor, item)).toBe(read);
    expect(FeedbackPolicy.canWork(actor, item)).toBe(work);
  });

  it('never lets anyone work on what they may not read', () => {
    for (const actor of [staff, coordinator, planner, admin])
      for (const item of [ownAgency, otherAgency, otherCity, unrouted, anonymous])
        if (FeedbackPolicy.canWork(actor, item))
          expect(FeedbackPolicy.canRead(actor, item)).toBe(true);
  });

  it('shows who reported only to the handling agency and the city coordinator, never when anonymous', () => {
    expect(FeedbackPolicy.canReadIdentity(staff, ownAgency)).toBe(true);
    expect(FeedbackPolicy.canReadIdentity(staff, otherAgency)).toBe(false);
    expect(FeedbackPolicy.canReadIdentity(staff, unrouted)).toBe(false);
    expect(FeedbackPolicy.canReadIdentity(coordinator, otherAgency)).toBe(true);
    expect(FeedbackPolicy.canReadIdentity(coordinator, otherCity)).toBe(false);
    expect(FeedbackPolicy.canReadIdentity(planner, ownAgency)).toBe(false);
    expect(FeedbackPolicy.canReadIdentity(admin, ownAgency)).toBe(false);
    for (const actor of [staff, coordinator, planner, admin])
      expect(FeedbackPolicy.canReadIdentity(actor, anonymous)).toBe(false);
  });

  it('lets the city coordinator and admins oversee, and nobody else', () => {
    expect(FeedbackPolicy.canOversee(coordinator, 'MDN')).toBe(true);
    expect(FeedbackPolicy.canOversee(coordinator, 'PMS')).toBe(false);
    expect(FeedbackPolicy.canOversee(admin, 'PMS')).toBe(true);
    expect(FeedbackPolicy.canOversee(staff, 'MDN')).toBe(false);
    expect(FeedbackPolicy.canOversee(planner, 'MDN')).toBe(false);
  });

  it('scopes the queue to the agency, the city, or nothing, by role', () => {
    expect(FeedbackPolicy.queueScope(staff)).toEqual({ agencyCode: 'MDN-DLH' });
    expect(FeedbackPolicy.queueScope(coordinator)).toEqual({ cityCode: 'MDN' });
    expect(FeedbackPolicy.queueScope(planner)).toEqual({});
    expect(FeedbackPolicy.queueScope(admin)).toEqual({});
  });

  it('scopes a staff member or coordinator without their agency or city to nothing, not to everything', () => {
    const unbound = FeedbackPolicy.queueScope({ ...staff, agencyCode: undefined });
    expect(unbound.agencyCode).toBeDefined();
    expect(unbound.agencyCode).not.toMatch(/^[A-Z]{3}-/);
    const cityless = FeedbackPolicy.queueScope({ ...coordinator, cityCode: undefined });
    expect(cityless.cityCode).toBeDefined();
    expect(cityless.cityCode).not.toMatch(/^[A-Z]{3}$/);
    expect(FeedbackPolicy.canRead({ ...staff, agencyCode: undefined }, unrouted)).toBe(false);
  });

  it('shows a queue change to whoever’s queue scope it is in, before or after a reroute', () => {
    const rerouted = { cityCode: 'MDN', agencyCode: 'MDN-PUPR', previousAgencyCode: 'MDN-DLH' };
    const arrived = { cityCode: 'MDN', agencyCode: 'MDN-DLH' };
    const elsewhere = { cityCode: 'PMS', agencyCode: 'PMS-DLH' };
    const unroutedChange = { cityCode: 'MDN' };
    expect(FeedbackPolicy.seesQueueChange(staff, arrived)).toBe(true);
    expect(FeedbackPolicy.seesQueueChange(staff, rerouted)).toBe(true);
    expect(FeedbackPolicy.seesQueueChange(staff, { ...rerouted, previousAgencyCode: 'X' })).toBe(
      false,
    );
    expect(FeedbackPolicy.seesQueueChange(staff, unroutedChange)).toBe(false);
    expect(FeedbackPolicy.seesQueueChange(coordinator, rerouted)).toBe(true);
    expect(FeedbackPolicy.seesQueueChange(coordinator, unroutedChange)).toBe(true);
    expect(FeedbackPolicy.seesQueueChange(coordinator, elsewhere)).toBe(false);
    for (const anyone of [planner, admin])
      expect(FeedbackPolicy.seesQueueChange(anyone, elsewhere)).toBe(true);
    const unbound = { ...staff, agencyCode: undefined };
    expect(FeedbackPolicy.seesQueueChange(unbound, unroutedChange)).toBe(false);
    expect(FeedbackPolicy.seesQueueChange({ ...coordinator, cityCode: undefined }, arrived)).toBe(
      false,
    );
  });

  it('reads an entity’s scope from its city and agency', () => {
    expect(
      scopeOf({ city: { code: 'MDN' }, agency: { code: 'MDN-DLH' }, anonymous: true }),
    ).toEqual({ cityCode: 'MDN', agencyCode: 'MDN-DLH', anonymous: true });
    expect(scopeOf({ city: { code: 'MDN' }, anonymous: false })).toEqual({
      cityCode: 'MDN',
      agencyCode: undefined,
      anonymous: false,
    });
  });
});
