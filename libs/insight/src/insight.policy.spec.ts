import { StaffRole } from '@suara/identity';
import { InsightPolicy } from './insight.policy.js';

const actor = (role: StaffRole, cityCode?: string) => ({
  userId: '7d3c0b2e-2b1f-4f0e-9a52-0d6f1c1c2a10',
  email: 'seseorang@contoh.id',
  role,
  cityCode,
});

describe('InsightPolicy', () => {
  it('lets planners and admins read every city and coordinators their own', () => {
    expect(InsightPolicy.readScope(actor(StaffRole.PLANNER), 'membaca')).toEqual({});
    expect(InsightPolicy.readScope(actor(StaffRole.ADMIN), 'membaca')).toEqual({});
    expect(InsightPolicy.readScope(actor(StaffRole.COORDINATOR, 'MDN'), 'membaca')).toEqual({
      cityCode: 'MDN',
    });
  });

  it('refuses a coordinator without a city and agency staff, with a reason', () => {
    for (const who of [actor(StaffRole.COORDINATOR), actor(StaffRole.AGENCY_STAFF, 'MDN')])
      expect(() => InsightPolicy.readScope(who, 'membaca kelompok keluhan')).toThrow(
        expect.objectContaining({ code: 'FORBIDDEN' }),
      );
  });
});
