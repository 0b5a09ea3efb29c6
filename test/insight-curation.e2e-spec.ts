import { graphql } from '@suara/testing';
import { clusteredComplaint } from './support/clustered-items.js';
import { SuaraTestStack } from './support/suara-test-stack.js';

const QUEUE = [
  'Antrean pendaftaran Puskesmas Helvetia panjang sekali, pasien menunggu dari subuh.',
  'Puskesmas Helvetia antreannya lama, nomor antrean tidak jelas, menunggu tiga jam.',
  'Menunggu di antrean pendaftaran Puskesmas Helvetia sampai siang, lama sekali.',
];
const MEDICINE = [
  'Obat hipertensi di apotek Puskesmas Sunggal kosong, pasien disuruh beli di luar.',
  'Stok obat diabetes Puskesmas Sunggal kosong dua minggu, disuruh beli sendiri di apotek.',
];

/** Coordinators and planners correct clusters by hand; each correction is audited and kept as an example. */
describe('cluster curation through GraphQL', () => {
  let stack: SuaraTestStack;
  const ids: Record<string, string[]> = { queue: [], medicine: [] };

  const clusterOf = async (feedbackId: string) =>
    (
      await stack.sql<{ cluster_id: string }>(
        'select cluster_id from insight_item where feedback_id = ? and generation = 1',
        [feedbackId],
      )
    )[0]?.cluster_id;
  const clusterSize = async (id: string) =>
    (
      await stack.sql<{ size: number; status: string }>(
        'select size, status from complaint_cluster where id = ?',
        [id],
      )
    )[0];
  const curationRecords = async () => ({
    audit: await stack.sql<{ action: string; subject_id: string }>(
      `select action, subject_id from audit_entry where action like 'insight.%' order by id`,
    ),
    examples: await stack.sql<{ kind: string }>(
      'select kind from insight_example order by created_at',
    ),
  });

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    for (const [group, texts] of Object.entries({ queue: QUEUE, medicine: MEDICINE }))
      for (const [i, text] of texts.entries())
        ids[group].push(
          await clusteredComplaint(stack, 'MDN-DINKES', text, { email: `${group}${i}@contoh.id` }),
        );
  });
  afterAll(() => stack.stop());

  it('keeps agency staff from correcting clusters, and changes nothing when it refuses', async () => {
    const staff = await stack.login('staff.mdn-dinkes@demo.suara.id');
    const [queue, medicine] = [await clusterOf(ids.queue[0]), await clusterOf(ids.medicine[0])];
    expect(queue).not.toBe(medicine);
    const res = await graphql(
      stack.url,
      'mutation($t: ID!, $s: ID!) { mergeClusters(targetId: $t, sourceId: $s) { id } }',
      { t: queue, s: medicine },
      staff,
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await clusterSize(medicine)).toEqual({ size: 2, status: 'OPEN' });
    expect((await curationRecords()).audit).toEqual([]);
  });

  it('refuses to merge a cluster with itself or an unknown one with a message to act on', async () => {
    const planner = await stack.login('planner@demo.suara.id');
    const queue = await clusterOf(ids.queue[0]);
    const self = await graphql(
      stack.url,
      'mutation($t: ID!, $s: ID!) { mergeClusters(targetId: $t, sourceId: $s) { id } }',
      { t: queue, s: queue },
      planner,
    );
    expect(self.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(self.errors?.[0].message).toMatch(/dua kelompok yang berbeda/);
    const unknown = await graphql(
      stack.url,
      'mutation($t: ID!, $s: ID!) { mergeClusters(targetId: $t, sourceId: $s) { id } }',
      { t: queue, s: '00000000-0000-4000-8000-000000000000' },
      planner,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('merges two clusters of one agency into one, audited and kept as an example', async () => {
    const planner = await stack.login('planner@demo.suara.id');
    const [queue, medicine] = [await clusterOf(ids.queue[0]), await clusterOf(ids.medicine[0])];
    const res = await graphql<{ mergeClusters: { id: string; size: number } }>(
      stack.url,
      'mutation($t: ID!, $s: ID!) { mergeClusters(targetId: $t, sourceId: $s) { id size } }',
      { t: queue, s: medicine },
      planner,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.mergeClusters).toEqual({ id: queue, size: 5 });
    for (const id of [...ids.queue, ...ids.medicine]) expect(await clusterOf(id)).toBe(queue);
    expect((await clusterSize(medicine)).status).toBe('MERGED');
    const listed = await graphql<{ recurringClusters: { id: string }[] }>(
      stack.url,
      '{ recurringClusters(filter: { minSize: 1, agencyCode: "MDN-DINKES" }) { id } }',
      {},
      planner,
    );
    expect(listed.data!.recurringClusters.map((c) => c.id)).toEqual([queue]);
    const records = await curationRecords();
    expect(records.audit).toEqual([{ action: 'insight.clusters_merged', subject_id: queue }]);
    expect(records.examples.map((e) => e.kind)).toEqual(['CLUSTERS_MERGED']);
  });

  it('moves an item out into a cluster of its own, audited and kept as an example', async () => {
    const coordinator = await stack.login('coordinator.mdn@demo.suara.id');
    const queue = await clusterOf(ids.queue[0]);
    const moved = ids.medicine[1];
    const res = await graphql<{ moveFeedbackOutOfCluster: { id: string; size: number } }>(
      stack.url,
      'mutation($f: ID!) { moveFeedbackOutOfCluster(feedbackId: $f) { id size } }',
      { f: moved },
      coordinator,
    );
    expect(res.errors).toBeUndefined();
    const own = res.data!.moveFeedbackOutOfCluster;
    expect(own.size).toBe(1);
    expect(own.id).not.toBe(queue);
    expect(await clusterOf(moved)).toBe(own.id);
    expect((await clusterSize(queue)).size).toBe(4);
    const records = await curationRecords();
    expect(records.audit.at(-1)).toEqual({ action: 'insight.item_moved_out', subject_id: moved });
    expect(records.examples.map((e) => e.kind)).toEqual(['CLUSTERS_MERGED', 'ITEM_MOVED_OUT']);

    const again = await graphql(
      stack.url,
      'mutation($f: ID!) { moveFeedbackOutOfCluster(feedbackId: $f) { id } }',
      { f: moved },
      coordinator,
    );
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
