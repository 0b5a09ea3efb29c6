import { DeadlineWatchService } from '@suara/triage';
import { graphql } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { FEEDBACK_FIELDS, routedItem } from './support/triage-items.js';

const STATUS = `query($code: String!) { feedbackStatus(trackingCode: $code) {
  status merged canRate agency { code } timeline { status note } responses { message } } }`;

/** An item worked from routed to closed by agency staff and the citizen, over HTTP. */
describe('the feedback lifecycle through GraphQL', () => {
  let stack: SuaraTestStack;
  let staff: Record<string, string>;
  let coordinator: Record<string, string>;

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    staff = await stack.login('staff.mdn-dlh@demo.suara.id');
    coordinator = await stack.login('coordinator.mdn@demo.suara.id');
  });
  afterAll(async () => {
    await stack.stop();
  });

  const as = (who: Record<string, string>) => (query: string, variables: Record<string, unknown>) =>
    graphql(stack.url, query, variables, who);
  const publicStatus = async (code: string) =>
    (await graphql(stack.url, STATUS, { code })).data!.feedbackStatus;
  const command = (name: string, args: string) =>
    `mutation($id: ID!, $v: Int) { ${name}(id: $id, ${args}expectedVersion: $v) { ${FEEDBACK_FIELDS} } }`;
  const ACK = command('acknowledgeFeedback', '');
  const RESPOND = `mutation($id: ID!, $m: String!, $p: Boolean) { respondToFeedback(id: $id, message: $m, public: $p) { ${FEEDBACK_FIELDS} } }`;
  const RESOLVE = `mutation($id: ID!, $r: String!) { resolveFeedback(id: $id, resolution: $r) { ${FEEDBACK_FIELDS} } }`;
  const RATE = `mutation($c: String!, $k: String, $s: Int!, $t: String) { rateResolution(trackingCode: $c, citizenSecret: $k, score: $s, comment: $t) { status canRate timeline { status } } }`;

  it('goes from routed to closed, shows the citizen public answers only, and audits every step', async () => {
    const item = await routedItem(stack, 'MDN-DLH');
    const ack = await as(staff)(ACK, { id: item.id });
    expect(ack.errors).toBeUndefined();
    expect(ack.data!.acknowledgeFeedback).toMatchObject({
      status: 'ACKNOWLEDGED',
      routing: { agencyCode: 'MDN-DLH', kind: 'AUTOMATIC' },
    });

    const answered = await as(staff)(RESPOND, {
      id: item.id,
      m: 'Truk sampah dijadwalkan besok pagi.',
    });
    expect(answered.data!.respondToFeedback.status).toBe('IN_PROGRESS');
    const note = await as(staff)(RESPOND, {
      id: item.id,
      m: 'Catatan internal: sopir truk cuti.',
      p: false,
    });
    expect(note.data!.respondToFeedback.status).toBe('IN_PROGRESS');
    expect(note.data!.respondToFeedback.version).toBeGreaterThan(
      answered.data!.respondToFeedback.version,
    );

    const resolved = await as(staff)(RESOLVE, {
      id: item.id,
      r: 'Sampah sudah diangkut dan TPS dibersihkan.',
    });
    expect(resolved.data!.resolveFeedback.status).toBe('RESOLVED');

    const seen = await publicStatus(item.trackingCode);
    expect(seen).toMatchObject({ status: 'RESOLVED', canRate: true, agency: { code: 'MDN-DLH' } });
    expect(seen.responses.map((r: { message: string }) => r.message)).toEqual([
      'Truk sampah dijadwalkan besok pagi.',
      'Sampah sudah diangkut dan TPS dibersihkan.',
    ]);
    expect(JSON.stringify(seen)).not.toContain('Catatan internal');
    expect(seen.timeline.map((t: { status: string }) => t.status)).toEqual([
      'RECEIVED',
      'ROUTED',
      'ACKNOWLEDGED',
      'IN_PROGRESS',
      'RESOLVED',
    ]);

    const rated = await graphql(stack.url, RATE, {
      c: item.trackingCode,
      k: item.citizenSecret,
      s: 5,
      t: 'Cepat, terima kasih',
    });
    expect(rated.data!.rateResolution).toMatchObject({ status: 'CLOSED', canRate: false });
    const again = await graphql(stack.url, RATE, {
      c: item.trackingCode,
      k: item.citizenSecret,
      s: 4,
    });
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'status' });

    const trail = await as(coordinator)(
      '{ auditTrail(feedbackId: "' + item.id + '") { action actorType actorId before after } }',
      {},
    );
    expect(trail.errors).toBeUndefined();
    const steps = trail.data!.auditTrail.map(
      (e: { action: string; actorType: string; after: { status?: string } }) =>
        `${e.action}:${e.actorType}:${e.after?.status ?? ''}`,
    );
    expect(steps).toEqual([
      'feedback.status_changed:SYSTEM:ROUTED',
      'feedback.status_changed:STAFF:ACKNOWLEDGED',
      'feedback.responded:STAFF:',
      'feedback.status_changed:STAFF:IN_PROGRESS',
      'feedback.responded:STAFF:',
      'feedback.status_changed:STAFF:RESOLVED',
      'feedback.status_changed:CITIZEN:CLOSED',
    ]);
    expect(trail.data!.auditTrail[1].before).toEqual({ status: 'ROUTED' });
  });

  it('refuses an illegal transition with CONFLICT saying what is allowed, and changes nothing', async () => {
    const item = await routedItem(stack, 'MDN-DLH');
    await as(staff)(ACK, { id: item.id });
    const twice = await as(staff)(ACK, { id: item.id });
    expect(twice.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'intake.illegalTransition',
    });
    // The words are the behaviour here: they say which moves are allowed.
    expect(twice.errors![0].message).toMatch(
      /tidak dapat diubah menjadi ACKNOWLEDGED\. Yang diizinkan: .*IN_PROGRESS/,
    );

    await as(staff)(command('rejectFeedback', 'reason: "Bukan wewenang kota", '), { id: item.id });
    for (const [query, vars] of [
      [RESOLVE, { r: 'selesai' }],
      [RESPOND, { m: 'halo' }],
      [command('rerouteFeedback', 'agencyCode: "MDN-PUPR", reason: "salah", '), {}],
    ] as const) {
      const res = await as(staff)(query, { id: item.id, ...vars });
      expect(res.errors![0].extensions!.code).toBe('CONFLICT');
    }
    const notResolved = await graphql(stack.url, RATE, {
      c: item.trackingCode,
      k: item.citizenSecret,
      s: 5,
    });
    expect(notResolved.errors![0].extensions!.code).toBe('CONFLICT');
    const [row] = await stack.sql<{ status: string; n: number }>(
      `select status, (select count(*)::int from feedback_response where feedback_id = ?) as n from feedback where id = ?`,
      [item.id, item.id],
    );
    expect(row).toEqual({ status: 'REJECTED', n: 0 });
  });

  it('gives the second of two concurrent editors CONFLICT, not a silent overwrite', async () => {
    const item = await routedItem(stack, 'MDN-DLH');
    const [{ version }] = await stack.sql<{ version: number }>(
      'select version from feedback where id = ?',
      [item.id],
    );
    const colleague = await stack.login('coordinator.mdn@demo.suara.id');
    const results = await Promise.all([
      as(staff)(command('resolveFeedback', 'resolution: "Sudah diangkut", '), {
        id: item.id,
        v: version,
      }),
      as(colleague)(command('rejectFeedback', 'reason: "Laporan ganda", '), {
        id: item.id,
        v: version,
      }),
    ]);
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);

    const stale = await as(staff)(ACK, { id: item.id, v: version });
    expect(stale.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'triage.staleVersion',
      field: 'expectedVersion',
    });
    const [after] = await stack.sql<{ changes: number }>(
      `select count(*)::int as changes from audit_entry where subject_id = ? and action = 'feedback.status_changed'`,
      [item.id],
    );
    expect(after.changes).toBe(2); // routed, then exactly one of the two edits
  });

  it('links duplicates to the original, whose progress the citizen then follows', async () => {
    const original = await routedItem(stack, 'MDN-DLH');
    const copy = await routedItem(stack, 'MDN-DLH');
    const third = await routedItem(stack, 'MDN-DLH');
    const DUP = `mutation($id: ID!, $of: ID!) { markDuplicate(id: $id, duplicateOfId: $of) { status duplicateOfId } }`;

    expect(
      (await as(staff)(DUP, { id: copy.id, of: copy.id })).errors![0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'duplicateOfId',
    });
    const marked = await as(staff)(DUP, { id: copy.id, of: original.id });
    expect(marked.data!.markDuplicate).toEqual({ status: 'DUPLICATE', duplicateOfId: original.id });
    // A duplicate of a duplicate is linked to the first report.
    const chained = await as(staff)(DUP, { id: third.id, of: copy.id });
    expect(chained.data!.markDuplicate.duplicateOfId).toBe(original.id);

    const otherCity = await routedItem(stack, 'PMS-DLH');
    const admin = await stack.login('admin@demo.suara.id');
    expect(
      (await as(admin)(DUP, { id: otherCity.id, of: original.id })).errors![0].extensions!.code,
    ).toBe('BAD_USER_INPUT');

    await as(staff)(RESOLVE, { id: original.id, r: 'TPS sudah bersih.' });
    const followed = await publicStatus(copy.trackingCode);
    expect(followed).toMatchObject({
      status: 'RESOLVED',
      merged: true,
      canRate: false,
    });
    expect(JSON.stringify(followed)).not.toContain(original.trackingCode);
    expect(followed.responses).toEqual([{ message: 'TPS sudah bersih.' }]);
    expect(followed.timeline.map((t: { status: string }) => t.status)).toEqual([
      'RECEIVED',
      'ROUTED',
      'DUPLICATE',
      'RESOLVED',
    ]);
  });

  it('reroutes with a fresh deadline for the new agency, records the decision, and teaches the router', async () => {
    const item = await routedItem(stack, 'MDN-DLH');
    await stack.sql(
      `update feedback set sla_due_at = now() - interval '3 days', escalated_at = now() where id = ?`,
      [item.id],
    );
    const res = await as(staff)(
      command(
        'rerouteFeedback',
        'agencyCode: "MDN-PUPR", reason: "Ini soal drainase, bukan sampah", ',
      ),
      { id: item.id },
    );
    expect(res.errors).toBeUndefined();
    const moved = res.data!.rerouteFeedback;
    expect(moved).toMatchObject({
      status: 'ROUTED',
      agency: { code: 'MDN-PUPR' },
      routing: { kind: 'REROUTE', agencyCode: 'MDN-PUPR' },
    });
    const days = (new Date(moved.slaDueAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(5);
    expect(days).toBeLessThan(14);

    // The old agency no longer sees it; the new one does.
    expect(
      (await as(staff)(`{ feedback(id: "${item.id}") { id } }`, {})).errors![0].extensions!.code,
    ).toBe('FORBIDDEN');
    const pupr = await stack.login('staff.mdn-pupr@demo.suara.id');
    expect(
      (await as(pupr)(`{ feedback(id: "${item.id}") { status escalatedAt } }`, {})).data!.feedback,
    ).toEqual({
      status: 'ROUTED',
      escalatedAt: null,
    });
    const [example] = await stack.sql<{ agency_type: string; source: string }>(
      'select agency_type, source from routing_example where feedback_id = ?',
      [item.id],
    );
    expect(example).toEqual({ agency_type: 'PUPR', source: 'REROUTE' });
    const sameAgency = await as(pupr)(
      command('rerouteFeedback', 'agencyCode: "MDN-PUPR", reason: "x", '),
      { id: item.id },
    );
    expect(sameAgency.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'agencyCode',
    });
    const otherCity = await as(pupr)(
      command('rerouteFeedback', 'agencyCode: "PMS-PUPR", reason: "x", '),
      { id: item.id },
    );
    expect(otherCity.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'agencyCode',
    });
  });

  it('reopens on a low rating once, then closes; a second low rating does not reopen', async () => {
    const item = await routedItem(stack, 'MDN-DLH');
    await as(staff)(RESOLVE, { id: item.id, r: 'Sudah diangkut.' });
    const unhappy = await graphql(stack.url, RATE, {
      c: item.trackingCode,
      k: item.citizenSecret,
      s: 1,
      t: 'Belum, masih menumpuk',
    });
    expect(unhappy.data!.rateResolution).toMatchObject({ status: 'IN_PROGRESS', canRate: false });
    const [reopened] = await stack.sql<{ reopen_count: number; due: boolean }>(
      'select reopen_count, sla_due_at > now() as due from feedback where id = ?',
      [item.id],
    );
    expect(reopened).toEqual({ reopen_count: 1, due: true });

    await as(staff)(RESOLVE, { id: item.id, r: 'Sekarang benar-benar bersih.' });
    const stillUnhappy = await graphql(stack.url, RATE, {
      c: item.trackingCode,
      k: item.citizenSecret,
      s: 2,
    });
    expect(stillUnhappy.data!.rateResolution.status).toBe('CLOSED');
    const ratings = await stack.sql<{ round: number; score: number }>(
      'select round, score from resolution_rating where feedback_id = ? order by round',
      [item.id],
    );
    expect(ratings).toEqual([
      { round: 1, score: 1 },
      { round: 2, score: 2 },
    ]);

    const bad = await graphql(stack.url, RATE, {
      c: item.trackingCode,
      k: item.citizenSecret,
      s: 6,
    });
    expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });
    const unknown = await graphql(stack.url, RATE, {
      c: 'ZZZZZ-ZZZZZ',
      k: item.citizenSecret,
      s: 5,
    });
    expect(unknown.errors![0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'trackingCode',
    });
  });

  it('closes a resolution the citizen leaves unanswered, and escalates overdue items to the coordinator once', async () => {
    const watch = stack.apis[0].get(DeadlineWatchService);
    const quiet = await routedItem(stack, 'MDN-DLH');
    const late = await routedItem(stack, 'MDN-DLH');
    const onTime = await routedItem(stack, 'MDN-DLH');
    await as(staff)(RESOLVE, { id: quiet.id, r: 'Selesai.' });
    await stack.sql(`update feedback set close_due_at = now() - interval '1 minute' where id = ?`, [
      quiet.id,
    ]);
    await as(staff)(ACK, { id: late.id });
    await stack.sql(`update feedback set sla_due_at = now() - interval '1 hour' where id = ?`, [
      late.id,
    ]);

    const first = await watch.run();
    expect(first).toEqual({ escalated: 1, closed: 1 });
    expect(await watch.run()).toEqual({ escalated: 0, closed: 0 });
    expect((await publicStatus(quiet.trackingCode)).status).toBe('CLOSED');

    const ESC = `query($c: String) { escalations(cityCode: $c) { feedbackId trackingCode agencyCode status } }`;
    const seen = await as(coordinator)(ESC, {});
    expect(seen.data!.escalations).toEqual([
      {
        feedbackId: late.id,
        trackingCode: late.trackingCode,
        agencyCode: 'MDN-DLH',
        status: 'ACKNOWLEDGED',
      },
    ]);
    const elsewhere = await as(await stack.login('coordinator.pms@demo.suara.id'))(ESC, {
      c: 'MDN',
    });
    expect(elsewhere.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await as(staff)(ESC, { c: 'MDN' })).errors![0].extensions!.code).toBe('FORBIDDEN');

    const overdue = await as(staff)(
      `{ feedbackQueue(filter: { overdue: true }) { totalCount edges { node { id } } } }`,
      {},
    );
    expect(
      overdue.data!.feedbackQueue.edges.map((e: { node: { id: string } }) => e.node.id),
    ).toEqual([late.id]);
    const notOverdue = await as(staff)(
      `{ feedbackQueue(filter: { overdue: false }) { edges { node { id } } } }`,
      {},
    );
    const ids = notOverdue.data!.feedbackQueue.edges.map(
      (e: { node: { id: string } }) => e.node.id,
    );
    expect(ids).toContain(onTime.id);
    expect(ids).not.toContain(late.id);
  });
});
