import { graphql } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { type NewItem, routedItem } from './support/triage-items.js';

/**
 * Every role tries every staff operation on an item of MDN-DLH (Medan's
 * environment agency). The expected answer of each pair is written out here,
 * independently of the policy code: who may, and that a refusal changes nothing.
 */
const ROLES = {
  staffOwnAgency: 'staff.mdn-dlh@demo.suara.id',
  staffOtherAgency: 'staff.mdn-dukcapil@demo.suara.id',
  staffOtherCity: 'staff.pms-dlh@demo.suara.id',
  coordinatorOwnCity: 'coordinator.mdn@demo.suara.id',
  coordinatorOtherCity: 'coordinator.pms@demo.suara.id',
  planner: 'planner@demo.suara.id',
  admin: 'admin@demo.suara.id',
} as const;
type Role = keyof typeof ROLES;
const ALL = Object.keys(ROLES) as Role[];

interface Operation {
  name: string;
  run: (
    item: NewItem,
    auth: Record<string, string>,
  ) => Promise<{ errors?: { extensions?: { code?: string } }[] }>;
  allowed: Role[];
  /** Whether a refusal must leave the item exactly as it was. */
  mutates: boolean;
}

describe('authorization: role × operation × scope', () => {
  let stack: SuaraTestStack;
  const tokens = {} as Record<Role, Record<string, string>>;
  let dlhColleagueId: string;

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    for (const role of ALL) tokens[role] = await stack.login(ROLES[role]);
    const [row] = await stack.sql<{ id: string }>(
      "select id from staff_user where email = 'staff.mdn-dlh@demo.suara.id'",
    );
    dlhColleagueId = row.id;
  });
  afterAll(async () => {
    await stack.stop();
  });

  const q = (query: string, variables: Record<string, unknown>, auth: Record<string, string>) =>
    graphql(stack.url, query, variables, auth);

  const OPERATIONS: Operation[] = [
    {
      name: 'read the item',
      run: (i, a) => q('query($id: ID!) { feedback(id: $id) { id } }', { id: i.id }, a),
      allowed: ['staffOwnAgency', 'coordinatorOwnCity', 'planner', 'admin'],
      mutates: false,
    },
    {
      name: "filter the queue by the item's agency",
      run: (_i, a) =>
        q('{ feedbackQueue(filter: { agencyCode: "MDN-DLH" }) { totalCount } }', {}, a),
      allowed: ['staffOwnAgency', 'coordinatorOwnCity', 'planner', 'admin'],
      mutates: false,
    },
    {
      name: "read the reporter's identity",
      run: (i, a) =>
        q('query($id: ID!) { feedback(id: $id) { reporter { name } } }', { id: i.id }, a),
      allowed: ['staffOwnAgency', 'coordinatorOwnCity'],
      mutates: false,
    },
    {
      name: 'read the audit trail',
      run: (i, a) =>
        q('query($id: ID!) { auditTrail(feedbackId: $id) { action } }', { id: i.id }, a),
      allowed: ['coordinatorOwnCity', 'admin'],
      mutates: false,
    },
    {
      name: "read the city's escalations",
      run: (_i, a) => q('{ escalations(cityCode: "MDN") { id } }', {}, a),
      allowed: ['coordinatorOwnCity', 'admin'],
      mutates: false,
    },
    {
      name: 'acknowledge',
      run: (i, a) =>
        q('mutation($id: ID!) { acknowledgeFeedback(id: $id) { id } }', { id: i.id }, a),
      allowed: ['staffOwnAgency', 'coordinatorOwnCity', 'admin'],
      mutates: true,
    },
    {
      name: 'respond publicly',
      run: (i, a) =>
        q(
          'mutation($id: ID!) { respondToFeedback(id: $id, message: "Ditindaklanjuti") { id } }',
          { id: i.id },
          a,
        ),
      allowed: ['staffOwnAgency', 'coordinatorOwnCity', 'admin'],
      mutates: true,
    },
    {
      name: 'write an internal note',
      run: (i, a) =>
        q(
          'mutation($id: ID!) { respondToFeedback(id: $id, message: "catatan", public: false) { id } }',
          { id: i.id },
          a,
        ),
      allowed: ['staffOwnAgency', 'coordinatorOwnCity', 'admin'],
      mutates: true,
    },
    {
      name: 'assign to a colleague',
      run: (i, a) =>
        q(
          'mutation($id: ID!, $to: ID!) { assignFeedback(id: $id, assigneeId: $to) { id } }',
          { id: i.id, to: dlhColleagueId },
          a,
        ),
      allowed: ['staffOwnAgency', 'coordinatorOwnCity', 'admin'],
      mutates: true,
    },
    {
      name: 'resolve',
      run: (i, a) =>
        q(
          'mutation($id: ID!) { resolveFeedback(id: $id, resolution: "Selesai") { id } }',
          { id: i.id },
          a,
        ),
      allowed: ['staffOwnAgency', 'coordinatorOwnCity', 'admin'],
      mutates: true,
    },
    {
      name: 'reject',
      run: (i, a) =>
        q(
          'mutation($id: ID!) { rejectFeedback(id: $id, reason: "Tidak jelas") { id } }',
          { id: i.id },
          a,
        ),
      allowed: ['staffOwnAgency', 'coordinatorOwnCity', 'admin'],
      mutates: true,
    },
    {
      name: 'reroute',
      run: (i, a) =>
        q(
          'mutation($id: ID!) { rerouteFeedback(id: $id, agencyCode: "MDN-PUPR", reason: "Drainase") { id } }',
          { id: i.id },
          a,
        ),
      allowed: ['staffOwnAgency', 'coordinatorOwnCity', 'admin'],
      mutates: true,
    },
    {
      name: 'mark as duplicate of another MDN-DLH item',
      run: async (i, a) => {
        const original = await routedItem(stack, 'MDN-DLH');
        return q(
          'mutation($id: ID!, $of: ID!) { markDuplicate(id: $id, duplicateOfId: $of) { id } }',
          { id: i.id, of: original.id },
          a,
        );
      },
      allowed: ['staffOwnAgency', 'coordinatorOwnCity', 'admin'],
      mutates: true,
    },
  ];

  const snapshot = async (id: string) =>
    (
      await stack.sql(
        `select f.status, f.version, f.agency_code, f.assignee_id,
                (select count(*)::int from audit_entry a where a.subject_id = f.id::text) as audit,
                (select count(*)::int from feedback_response r where r.feedback_id = f.id) as responses
           from feedback f where f.id = ?`,
        [id],
      )
    )[0];

  describe.each(OPERATIONS.map((op) => [op.name, op] as const))('%s', (_name, op) => {
    it.each(ALL)('as %s', async (role) => {
      const item = await routedItem(stack, 'MDN-DLH', { reporter: { name: 'Budi Santoso' } });
      const before = await snapshot(item.id);
      const res = await op.run(item, tokens[role]);
      if (op.allowed.includes(role)) {
        expect(res.errors).toBeUndefined();
      } else {
        expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        if (op.mutates) expect(await snapshot(item.id)).toEqual(before);
      }
    });
  });

  it('never shows an anonymous reporter, not even to those who may read identities, and records no read', async () => {
    const item = await routedItem(stack, 'MDN-DLH', {
      anonymous: true,
      reporter: { name: 'Siti', email: 'siti@example.id' },
    });
    for (const role of ['staffOwnAgency', 'coordinatorOwnCity'] as const) {
      const res = await q(
        'query($id: ID!) { feedback(id: $id) { anonymous reporter { name email phone } } }',
        { id: item.id },
        tokens[role],
      );
      expect(res.data!.feedback).toEqual({ anonymous: true, reporter: null });
    }
    const queue = await q(
      '{ feedbackQueue(first: 100) { edges { node { id text reporter { name } } } } }',
      {},
      tokens.staffOwnAgency,
    );
    expect(JSON.stringify(queue)).not.toContain('Siti');
    const [reads] = await stack.sql<{ n: number }>(
      "select count(*)::int as n from audit_entry where subject_id = ? and action = 'feedback.identity_read'",
      [item.id],
    );
    expect(reads.n).toBe(0);
  });

  it('records who read an identity, each time', async () => {
    const item = await routedItem(stack, 'MDN-DLH', {
      reporter: { name: 'Budi Santoso', phone: '081234567890' },
    });
    const res = await q(
      'query($id: ID!) { feedback(id: $id) { reporter { name phone } } }',
      { id: item.id },
      tokens.staffOwnAgency,
    );
    expect(res.data!.feedback.reporter).toEqual({ name: 'Budi Santoso', phone: '+6281234567890' });
    await q(
      'query($id: ID!) { feedback(id: $id) { reporter { name } } }',
      { id: item.id },
      tokens.coordinatorOwnCity,
    );
    const reads = await stack.sql<{ actor_id: string; after: { fields: string[] } }>(
      "select actor_id, after from audit_entry where subject_id = ? and action = 'feedback.identity_read' order by id",
      [item.id],
    );
    const ids = await stack.sql<{ id: string; email: string }>(
      "select id, email from staff_user where email in ('staff.mdn-dlh@demo.suara.id', 'coordinator.mdn@demo.suara.id')",
    );
    const emailOf = new Map(ids.map((u) => [u.id, u.email]));
    expect(reads.map((r) => [emailOf.get(r.actor_id), r.after.fields])).toEqual([
      ['staff.mdn-dlh@demo.suara.id', ['name', 'phone']],
      ['coordinator.mdn@demo.suara.id', ['name', 'phone']],
    ]);
  });

  it("scopes the queue: staff see their agency's items only, coordinators their city's", async () => {
    const mine = await routedItem(stack, 'MDN-DLH');
    const otherAgency = await routedItem(stack, 'MDN-DUKCAPIL');
    const otherCity = await routedItem(stack, 'PMS-DLH');
    // Every page of the queue, following the cursor, so the check does not depend on page size.
    const idsFor = async (role: Role) => {
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const res = await q(
          'query($after: String) { feedbackQueue(first: 50, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }',
          { after },
          tokens[role],
        );
        const page = res.data!.feedbackQueue;
        ids.push(...page.edges.map((e: { node: { id: string } }) => e.node.id));
        if (!page.pageInfo.hasNextPage) {
          expect(ids).toHaveLength(page.totalCount);
          return ids;
        }
        after = page.pageInfo.endCursor;
      }
    };
    const staffSees = await idsFor('staffOwnAgency');
    expect(staffSees).toContain(mine.id);
    expect(staffSees).not.toContain(otherAgency.id);
    expect(staffSees).not.toContain(otherCity.id);
    const coordinatorSees = await idsFor('coordinatorOwnCity');
    expect(coordinatorSees).toEqual(expect.arrayContaining([mine.id, otherAgency.id]));
    expect(coordinatorSees).not.toContain(otherCity.id);
    expect(await idsFor('planner')).toEqual(
      expect.arrayContaining([mine.id, otherAgency.id, otherCity.id]),
    );
    const outside = await q(
      '{ feedbackQueue(filter: { cityCode: "PMS" }) { totalCount } }',
      {},
      tokens.coordinatorOwnCity,
    );
    expect(outside.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('refuses every staff operation without a token', async () => {
    const item = await routedItem(stack, 'MDN-DLH');
    for (const op of OPERATIONS) {
      const res = await op.run(item, {});
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
