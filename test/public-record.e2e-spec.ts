import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { NATIONAL_HOLIDAYS } from '@suara/reference';
import { RoutingService } from '@suara/routing';
import { axeViolations, graphql } from '@suara/testing';
import { AnswerStatsService } from '@suara/transparency';
import { launchChromium, phonePage } from './support/browser.js';
import { SuaraTestStack } from './support/suara-test-stack.js';

const CITY = 'TPI';
const AGENCIES = ['TPI-PUPR', 'TPI-DLH'];
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ROUTE_DAYS = 3; // SLA_ROUTE_DAYS' default

/** A small deterministic generator: the same items on every run. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

interface Item {
  id: string;
  agency: string;
  submittedAt: Date;
  routedAt: Date;
  ackAt?: Date;
  publicResponseAt?: Date;
  status: string;
  reopened: boolean;
  scores: number[];
  confidential: boolean;
}

// Written here without the application's calendar code: WIB days, weekends and national holidays.
const wibDay = (d: Date) => new Date(d.getTime() + 7 * HOUR).toISOString().slice(0, 10);
function isWorking(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !NATIONAL_HOLIDAYS.includes(day);
}
function workingDaysBetween(from: Date, to: Date): number {
  let n = 0;
  for (
    let t = Date.parse(`${wibDay(from)}T00:00:00Z`) + DAY;
    t <= Date.parse(`${wibDay(to)}T00:00:00Z`);
    t += DAY
  )
    if (isWorking(new Date(t).toISOString().slice(0, 10))) n++;
  return n;
}
function routingDeadline(submitted: Date): Date {
  let t = submitted.getTime();
  let left = ROUTE_DAYS;
  while (left > 0) {
    t += DAY;
    if (isWorking(wibDay(new Date(t)))) left--;
  }
  return new Date(t);
}
function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function makeItems(): Item[] {
  const next = random(20261130);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const items: Item[] = [];
  for (let i = 0; i < 48; i++) {
    const month = i % 2 ? '05' : '06';
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    const hour = String(Math.floor(next() * 24)).padStart(2, '0');
    const submittedAt = new Date(`2026-${month}-${day}T${hour}:17:00+07:00`);
    const routedAt = new Date(submittedAt.getTime() + Math.floor(next() * 150) * HOUR);
    const answer = pick(['none', 'ack', 'response', 'both']);
    const after = () => new Date(routedAt.getTime() + Math.floor(next() * 400) * HOUR);
    const status = answer === 'none' ? 'ROUTED' : pick(['ACKNOWLEDGED', 'RESOLVED', 'CLOSED']);
    items.push({
      id: randomUUID(),
      agency: pick(AGENCIES),
      submittedAt,
      routedAt,
      ackAt: answer === 'ack' || answer === 'both' ? after() : undefined,
      publicResponseAt: answer === 'response' || answer === 'both' ? after() : undefined,
      status,
      reopened: status !== 'ROUTED' && next() < 0.25,
      scores: status === 'CLOSED' ? [1 + Math.floor(next() * 5)] : [],
      confidential: next() < 0.2,
    });
  }
  return items;
}

function expected(items: Item[]) {
  const groups = new Map<string, Item[]>();
  for (const it of items) {
    const key = `${it.agency} ${wibDay(it.submittedAt).slice(0, 7)}`;
    groups.set(key, [...(groups.get(key) ?? []), it]);
  }
  return [...groups].map(([key, g]) => {
    const [agencyCode, month] = key.split(' ');
    const answers = g
      .map((it) => [it.ackAt, it.publicResponseAt].filter((d): d is Date => !!d))
      .map((ds, i) =>
        ds.length
          ? workingDaysBetween(g[i].submittedAt, new Date(Math.min(...ds.map(Number))))
          : null,
      )
      .filter((d): d is number => d !== null);
    const scores = g.flatMap((it) => it.scores);
    return {
      agencyCode,
      month,
      received: g.length,
      routedWithinDeadlineShare:
        g.filter((it) => it.routedAt <= routingDeadline(it.submittedAt)).length / g.length,
      answered: answers.length,
      medianWorkingDaysToFirstAnswer: median(answers),
      resolvedShare: g.filter((it) => ['RESOLVED', 'CLOSED'].includes(it.status)).length / g.length,
      reopenedShare: g.filter((it) => it.reopened).length / g.length,
      ratings: scores.length,
      averageRating: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    };
  });
}

interface PageData {
  publicReports: {
    endCursor: string | null;
    hasMore: boolean;
    items: { trackingCode: string; text: string }[];
  };
}

describe('the public record of how agencies answer', () => {
  let stack: SuaraTestStack;
  let browser: Browser;
  const items = makeItems();

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    browser = await launchChromium();
    mkdirSync('test-artifacts', { recursive: true });
    const staffId = randomUUID();
    for (const [n, it] of items.entries()) {
      await stack.sql(
        `insert into feedback (id, tracking_code, kind, channel, text, city_code, agency_code, status,
           confidential, submitted_at, updated_at, reopen_count, version)
         values (?, ?, 'COMPLAINT', 'WEB_FORM', ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
        [
          it.id,
          `STAT${String(n).padStart(6, '0')}`,
          `Uji statistik nomor ${n}: jalan rusak.`,
          CITY,
          it.agency,
          it.status,
          it.confidential,
          it.submittedAt,
          it.submittedAt,
          it.reopened ? 1 : 0,
        ],
      );
      const step = (at: Date, status: string) =>
        stack.sql(
          `insert into audit_entry (at, actor_type, action, subject_type, subject_id, before, after)
           values (?, 'SYSTEM', 'feedback.status_changed', 'Feedback', ?, '{}', ?::jsonb)`,
          [at, it.id, JSON.stringify({ status })],
        );
      await step(it.routedAt, 'ROUTED');
      if (it.ackAt) await step(it.ackAt, 'ACKNOWLEDGED');
      if (it.publicResponseAt)
        await stack.sql(
          `insert into feedback_response (id, feedback_id, author_id, message, public, created_at)
           values (?, ?, ?, 'Sedang kami periksa.', true, ?)`,
          [randomUUID(), it.id, staffId, it.publicResponseAt],
        );
      // An internal note is no answer to the citizen: it must not count.
      await stack.sql(
        `insert into feedback_response (id, feedback_id, author_id, message, public, created_at)
         values (?, ?, ?, 'Catatan internal.', false, ?)`,
        [randomUUID(), it.id, staffId, new Date(it.submittedAt.getTime() + HOUR)],
      );
      for (const [round, score] of it.scores.entries())
        await stack.sql(
          `insert into resolution_rating (id, feedback_id, round, score, created_at) values (?, ?, ?, ?, now())`,
          [randomUUID(), it.id, round + 1, score],
        );
    }
    await stack.apis[0].get(AnswerStatsService).refresh();
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  const QUERY = `query($c: String!, $f: String, $t: String) { agencyAnswerStats(cityCode: $c, from: $f, to: $t) {
    from to refreshedAt rows { agencyCode month received routedWithinDeadlineShare answered
      medianWorkingDaysToFirstAnswer resolvedShare reopenedShare ratings averageRating } } }`;

  it('gives, per agency and month, the figures computed independently from the same items', async () => {
    const res = await graphql(stack.url, QUERY, { c: CITY, f: '2026-05', t: '2026-06' });
    expect(res.errors).toBeUndefined();
    const record = res.data!.agencyAnswerStats;
    expect(record.refreshedAt).not.toBeNull();
    const want = expected(items);
    expect(record.rows).toHaveLength(want.length);
    for (const w of want) {
      const got = record.rows.find(
        (r: { agencyCode: string; month: string }) =>
          r.agencyCode === w.agencyCode && r.month === w.month,
      );
      expect(got).toBeDefined();
      for (const [k, v] of Object.entries(w)) {
        if (typeof v === 'number' && !Number.isInteger(v)) expect(got[k]).toBeCloseTo(v, 9);
        else expect([k, got[k]]).toEqual([k, v]);
      }
    }
    // The fixture exercises every branch: late routing, unanswered items, reopenings, ratings.
    expect(want.some((w) => w.routedWithinDeadlineShare < 1)).toBe(true);
    expect(want.some((w) => w.answered < w.received)).toBe(true);
    expect(want.some((w) => w.reopenedShare > 0)).toBe(true);
    expect(want.some((w) => w.ratings > 0)).toBe(true);
  });

  it('refuses a malformed or backwards range in Indonesian, naming the field', async () => {
    const bad = await graphql(stack.url, QUERY, { c: CITY, f: '2026-13' });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    const backwards = await graphql(stack.url, QUERY, { c: CITY, f: '2026-06', t: '2026-05' });
    expect(backwards.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
    const city = await graphql(stack.url, QUERY, { c: 'XXX' });
    expect(city.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'cityCode',
    });
  });

  it('shows the same figures on /statistik, with charts drawn by the app’s own ECharts and an accessible table', async () => {
    const page = await phonePage(browser);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && failed.push(m.text()));
    await page.goto(`${stack.url}/statistik`);
    await page.selectOption('#kota', CITY);
    await page.fill('#dari', '2026-05');
    await page.fill('#sampai', '2026-06');
    await page.click('#form-statistik button[type=submit]');
    const want = expected(items);
    await page.waitForFunction(
      (n) => document.querySelectorAll('#tabel tbody tr').length === n,
      want.length,
    );
    page.on('pageerror', (e) => failed.push(e.message));
    const rows = await page.$$eval('#tabel tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
    );
    const name = {
      'TPI-PUPR': 'Dinas Pekerjaan Umum dan Penataan Ruang Kota Tanjungpinang',
      'TPI-DLH': 'Dinas Lingkungan Hidup Kota Tanjungpinang',
    };
    for (const w of want) {
      const row = rows.find(
        (r) => r[0] === name[w.agencyCode as keyof typeof name] && r[1] === w.month,
      );
      if (!row) throw new Error(`No row for ${w.agencyCode} ${w.month} in ${JSON.stringify(rows)}`);
      expect(row![2]).toBe(String(w.received));
      const pct = `${(w.routedWithinDeadlineShare * 100).toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`;
      expect(row![3]).toBe(pct);
      const med = w.medianWorkingDaysToFirstAnswer;
      expect(row![4]).toBe(
        med === null ? '–' : med.toLocaleString('id-ID', { maximumFractionDigits: 1 }),
      );
    }
    expect(
      await page.evaluate(() => typeof (window as unknown as { echarts?: unknown }).echarts),
    ).toBe('object');
    expect(await page.locator('#grafik-diterima canvas').count()).toBeGreaterThan(0);
    expect(await page.textContent('#diterima-ringkas')).toContain('Tertinggi');
    expect(failed).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-artifacts/statistik-${width}.png`, fullPage: true });
    }
    await page.context().close();
  });

  it('lists public reports masked and without identities, never a confidential one', async () => {
    const submit = (text: string, extra: Record<string, unknown>) =>
      graphql(
        stack.url,
        'mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode } }',
        { i: { cityCode: CITY, kind: 'COMPLAINT', agencyCode: 'TPI-DUKCAPIL', text, ...extra } },
      );
    const open = await submit(
      'KTP-el belum jadi. NIK saya 2171012345670001, hubungi 0812-3456-7890 atau rahmat.publik@contoh.id, motor BP 1234 XY.',
      {
        reporter: {
          name: 'Rahmat Publikasiwan',
          email: 'rahmat.publik@contoh.id',
          phone: '081234567890',
        },
      },
    );
    const secret = await submit('Rahasia: laporan tentang petugas loket RAHASIA-PENANDA.', {
      confidential: true,
    });
    expect(open.errors).toBeUndefined();
    expect(secret.errors).toBeUndefined();
    // The agency filter is the agency handling the report, as routing decides it.
    const [{ id }] = await stack.sql<{ id: string }>(
      'select id from feedback where tracking_code = ?',
      [open.data!.submitFeedback.trackingCode],
    );
    await stack.apis[0].get(RoutingService).route(id);

    const LIST = `query($c: String!, $a: String, $f: Int, $after: String) {
      publicReports(cityCode: $c, agencyCode: $a, first: $f, after: $after) {
        endCursor hasMore items { trackingCode status text location agency { code } } } }`;
    const all: { trackingCode: string; text: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const res: { data?: PageData; errors?: unknown[] } = await graphql<PageData>(
        stack.url,
        LIST,
        {
          c: CITY,
          f: 50,
          after,
        },
      );
      expect(res.errors).toBeUndefined();
      all.push(...res.data!.publicReports.items);
      if (!res.data!.publicReports.hasMore) break;
      after = res.data!.publicReports.endCursor;
    }
    const confidentialCodes = new Set(
      (
        await stack.sql<{ tracking_code: string }>(
          'select tracking_code from feedback where confidential',
        )
      ).map((r) => r.tracking_code),
    );
    expect(all.length).toBe(
      (
        await stack.sql<{ n: number }>(
          'select count(*)::int as n from feedback where not confidential and city_code = ?',
          [CITY],
        )
      )[0].n,
    );
    expect(all.filter((r) => confidentialCodes.has(r.trackingCode))).toEqual([]);
    const mine = all.find((r) => r.trackingCode === open.data!.submitFeedback.trackingCode)!;
    expect(mine.text).toBe(
      'KTP-el belum jadi. NIK saya [NIK/KK], hubungi [telepon] atau [email], motor [plat nomor].',
    );
    const everything = JSON.stringify(all);
    for (const never of [
      'Rahmat',
      'rahmat.publik',
      '2171012345670001',
      '3456-7890',
      'RAHASIA-PENANDA',
    ])
      expect(everything).not.toContain(never);

    const byAgency = await graphql(stack.url, LIST, { c: CITY, a: 'TPI-DUKCAPIL', f: 10 });
    expect(
      byAgency.data!.publicReports.items.map((r: { agency: { code: string } }) => r.agency.code),
    ).toEqual(['TPI-DUKCAPIL']);
    const badCursor = await graphql(stack.url, LIST, { c: CITY, after: 'bukan-penanda' });
    expect(badCursor.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });

    const page = await phonePage(browser);
    const failed: string[] = [];
    page.on('pageerror', (e) => failed.push(e.message));
    page.on('console', (m) => m.type() === 'error' && failed.push(m.text()));
    await page.goto(`${stack.url}/laporan`);
    await page.selectOption('#kota', CITY);
    await page.dispatchEvent('#kota', 'change');
    await page.selectOption('#instansi', 'TPI-DUKCAPIL');
    await page.click('#form-laporan button[type=submit]');
    await page.waitForSelector('#daftar li', { timeout: 5_000 }).catch(() => undefined);
    expect(failed).toEqual([]);
    const shown = (await page.textContent('#daftar')) ?? '';
    expect(shown).toContain('[NIK/KK]');
    expect(shown).not.toContain('RAHASIA-PENANDA');
    expect(shown).not.toContain('Rahmat');
    expect(await axeViolations(page)).toEqual([]);
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `test-artifacts/laporan-${width}.png`, fullPage: true });
    }
    await page.context().close();
  });
});
