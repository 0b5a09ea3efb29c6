import { FeedbackKind, FeedbackStatus, IntakeModule, IntakeService } from '@suara/intake';
import { ServiceContext } from '@suara/testing';

/** Intake's submission as the resolver and the forum import call it: what one call stores. */
describe('IntakeService.submit against the database', () => {
  let ctx: ServiceContext;
  let intake: IntakeService;

  beforeAll(async () => {
    ctx = await ServiceContext.start([IntakeModule]);
    intake = ctx.get(IntakeService);
  });
  afterAll(() => ctx?.stop());

  const stored = async (trackingCode: string) => {
    const [item] = await ctx.sql<{ id: string; status: string; city_code: string }>(
      'select id, status, city_code from feedback where tracking_code = ?',
      [trackingCode],
    );
    const reporters = await ctx.sql<{ name: string | null; phone: string | null }>(
      'select name, phone from reporter_contact where feedback_id = ?',
      [item.id],
    );
    const jobs = await ctx.sql<{ job_name: string; job_id: string; payload: unknown }>(
      'select job_name, job_id, payload from outbox_message where job_id = ?',
      [item.id],
    );
    return { item, reporters, jobs };
  };

  it('stores the item, its reporter apart from it, and its routing job', async () => {
    const receipt = await intake.submit({
      cityCode: 'mdn',
      kind: FeedbackKind.COMPLAINT,
      text: '  KTP-el saya sudah 3 bulan belum jadi.  ',
      reporter: { name: 'Siti', phone: '0812-3456-7890' },
    });
    expect(receipt.status).toBe(FeedbackStatus.RECEIVED);
    const { item, reporters, jobs } = await stored(receipt.trackingCode);
    expect(item).toMatchObject({ status: 'RECEIVED', city_code: 'MDN' });
    expect(reporters).toHaveLength(1);
    expect(reporters[0].name).toBe('Siti');
    expect(reporters[0].phone).toMatch(/81234567890$/);
    expect(jobs).toEqual([
      { job_name: 'route-feedback', job_id: item.id, payload: { feedbackId: item.id } },
    ]);
  });

  it('stores no reporter row when the citizen gives no contact', async () => {
    const receipt = await intake.submit({
      cityCode: 'PMS',
      kind: FeedbackKind.SUGGESTION,
      text: 'Tambahkan lampu jalan di Jl. Sutomo.',
    });
    const { reporters, jobs } = await stored(receipt.trackingCode);
    expect(reporters).toEqual([]);
    expect(jobs).toHaveLength(1);
  });

  it('writes all of it or nothing: a failing job write leaves no item and no reporter', async () => {
    // Refuse outbox rows in this file's database only, as a full disk or a bug would.
    await ctx.sql(`create function refuse_outbox() returns trigger language plpgsql as
      $$ begin raise exception 'outbox refused for this test'; end $$`);
    await ctx.sql(`create trigger refuse_outbox before insert on outbox_message
      for each row execute function refuse_outbox()`);
    const count = async () =>
      (
        await ctx.sql<{ items: number; reporters: number }>(
          `select (select count(*)::int from feedback) as items,
                  (select count(*)::int from reporter_contact) as reporters`,
        )
      )[0];
    const before = await count();
    try {
      await expect(
        intake.submit({
          cityCode: 'KTC',
          kind: FeedbackKind.COMPLAINT,
          text: 'Sampah menumpuk di pasar.',
          reporter: { name: 'Budi', email: 'budi@example.id' },
        }),
      ).rejects.toThrow(/outbox refused/);
      expect(await count()).toEqual(before);
    } finally {
      await ctx.sql('drop trigger refuse_outbox on outbox_message');
      await ctx.sql('drop function refuse_outbox()');
    }
  });

  it('returns the first receipt for a repeated idempotency key and the same report, and stores one item', async () => {
    const input = {
      cityCode: 'TPI',
      kind: FeedbackKind.COMPLAINT,
      text: 'Air PDAM mati tiga hari.',
      reporter: { name: 'Rina' },
      idempotencyKey: 'form-service-spec-1',
    };
    const first = await intake.submit(input);
    const again = await intake.submit({ ...input });
    expect(again).toEqual(first);
    // The same key with another report is someone else's report, never silently dropped.
    await expect(
      intake.submit({ ...input, text: 'Teks lain, kiriman ulang.' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'idempotencyKey',
    });
    const { reporters, jobs } = await stored(first.trackingCode);
    expect(reporters).toHaveLength(1);
    expect(jobs).toHaveLength(1);
    const [{ n }] = await ctx.sql<{ n: number }>(
      'select count(*)::int as n from feedback where idempotency_key = ?',
      [input.idempotencyKey],
    );
    expect(n).toBe(1);
  });

  it('stores one item when retries with the same key arrive at once', async () => {
    const input = {
      cityCode: 'TPI',
      kind: FeedbackKind.QUESTION,
      text: 'Kapan pembayaran PBB dibuka?',
      idempotencyKey: 'form-service-spec-2',
    };
    const receipts = await Promise.all(Array.from({ length: 8 }, () => intake.submit(input)));
    expect(new Set(receipts.map((r) => r.trackingCode)).size).toBe(1);
    const [{ items, jobs }] = await ctx.sql<{ items: number; jobs: number }>(
      `select (select count(*)::int from feedback where idempotency_key = ?) as items,
              (select count(*)::int from outbox_message o join feedback f on o.job_id = f.id::text
                where f.idempotency_key = ?) as jobs`,
      [input.idempotencyKey, input.idempotencyKey],
    );
    expect({ items, jobs }).toEqual({ items: 1, jobs: 1 });
  });

  it('refuses an unknown city or an agency of another city before storing anything', async () => {
    const [{ n: before }] = await ctx.sql<{ n: number }>('select count(*)::int as n from feedback');
    await expect(
      intake.submit({ cityCode: 'XXX', kind: FeedbackKind.COMPLAINT, text: 'Jalan rusak.' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'cityCode' });
    await expect(
      intake.submit({
        cityCode: 'MDN',
        kind: FeedbackKind.COMPLAINT,
        text: 'Jalan rusak.',
        agencyCode: 'PMS-PUPR',
      }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'agencyCode' });
    const [{ n: after }] = await ctx.sql<{ n: number }>('select count(*)::int as n from feedback');
    expect(after).toBe(before);
  });
});
