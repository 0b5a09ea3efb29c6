import { graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';

const DECISIONS = `query($id: ID!) { routingDecisions(feedbackId: $id) {
  kind basis agencyCode confidence alternatives { agencyCode score } decisiveTerms explanation modelVersion } }`;

describe('routing decisions through the pipeline', () => {
  let stack: SuaraTestStack;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({ worker: true });
  });
  afterAll(async () => {
    await stack.stop();
  });

  async function submitAndRoute(input: Record<string, unknown>) {
    const res = await graphql(
      stack.url,
      'mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode } }',
      { i: input },
    );
    const code = res.data!.submitFeedback.trackingCode;
    return waitFor('the item to be routed', async () => {
      const [row] = await stack.sql<{
        id: string;
        status: string;
        agency_code: string | null;
        sla_due_at: Date | null;
      }>('select id, status, agency_code, sla_due_at from feedback where tracking_code = ?', [
        code,
      ]);
      return row.status !== 'RECEIVED' && row;
    });
  }

  it('overrules a contradicted hint, explains why, sets the deadline, and shows it to those who may see it', async () => {
    const item = await submitAndRoute({
      cityCode: 'MDN',
      kind: 'COMPLAINT',
      text: 'Sudah 3 bulan KTP-el saya belum dicetak di Disdukcapil, katanya blangko habis. Perekaman sudah lama.',
      agencyCode: 'MDN-DISHUB',
    });
    expect(item).toMatchObject({ status: 'ROUTED', agency_code: 'MDN-DUKCAPIL' });
    const days = (new Date(item.sla_due_at!).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5);
    expect(days).toBeLessThan(14);

    const asCoordinator = await graphql(
      stack.url,
      DECISIONS,
      { id: item.id },
      await stack.login('coordinator.mdn@demo.suara.id'),
    );
    expect(asCoordinator.errors).toBeUndefined();
    const [decision] = asCoordinator.data!.routingDecisions;
    expect(decision).toMatchObject({
      kind: 'AUTOMATIC',
      basis: 'HINT_OVERRIDDEN',
      agencyCode: 'MDN-DUKCAPIL',
    });
    expect(decision.explanation).toMatch(
      /Pelapor memilih DISHUB, tetapi isi laporan jelas menunjuk DUKCAPIL/,
    );
    expect(decision.alternatives).toHaveLength(3);
    expect(decision.alternatives[0].agencyCode).toBe('MDN-DUKCAPIL');
    expect(decision.decisiveTerms.length).toBeGreaterThan(0);
    expect(decision.modelVersion).toBeGreaterThanOrEqual(1);

    const asAgency = await graphql(
      stack.url,
      DECISIONS,
      { id: item.id },
      await stack.login('staff.mdn-dukcapil@demo.suara.id'),
    );
    expect(asAgency.errors).toBeUndefined();
    const asOtherAgency = await graphql(
      stack.url,
      DECISIONS,
      { id: item.id },
      await stack.login('staff.mdn-dishub@demo.suara.id'),
    );
    expect(asOtherAgency.errors![0].extensions!.code).toBe('FORBIDDEN');
    const asOtherCity = await graphql(
      stack.url,
      DECISIONS,
      { id: item.id },
      await stack.login('coordinator.tpi@demo.suara.id'),
    );
    expect(asOtherCity.errors![0].extensions!.code).toBe('FORBIDDEN');
    const anonymous = await graphql(stack.url, DECISIONS, { id: item.id });
    expect(anonymous.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('routes from the text alone when the citizen names no agency', async () => {
    const item = await submitAndRoute({
      cityCode: 'PMS',
      kind: 'COMPLAINT',
      text: 'sampah di tps pasar horas udah numpuk seminggu gak diangkut, baunya sampe ke rumah warga',
    });
    expect(item).toMatchObject({ status: 'ROUTED', agency_code: 'PMS-DLH' });
  });

  it('serves the queue dashboard to admins only', async () => {
    const basic = (email: string) => ({
      authorization: `Basic ${Buffer.from(`${email}:${stack.config.env.DEMO_PASSWORD}`).toString('base64')}`,
    });
    const anonymous = await fetch(`${stack.url}/admin/queues`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic/);
    const staff = await fetch(`${stack.url}/admin/queues`, {
      headers: basic('staff.mdn-dlh@demo.suara.id'),
    });
    expect(staff.status).toBe(401);
    const admin = await fetch(`${stack.url}/admin/queues`, {
      headers: basic('admin@demo.suara.id'),
    });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toMatch(/<html/i);
    const api = await fetch(`${stack.url}/admin/queues/api/queues`, {
      headers: basic('admin@demo.suara.id'),
    });
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain('routing');
  });
});
