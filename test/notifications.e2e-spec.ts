import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { chromium } from 'playwright-core';
import { CitizenNotifier } from '@suara/notifications';
import { DeadlineWatchService } from '@suara/triage';
import { QueueName } from '@suara/queue';
import { axeViolations, graphql, waitFor } from '@suara/testing';
import { type ReceivedMail, SmtpMailbox } from './support/smtp-mailbox.js';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { TEXT_FOR } from './support/triage-items.js';

const PUBLIC_BASE_URL = 'https://lapor.kota.example.id';
const SUBMIT = `mutation($i: SubmitFeedbackInput!) { submitFeedback(input: $i) { trackingCode citizenSecret } }`;
const RESPOND = `mutation($id: ID!, $m: String!, $p: Boolean) { respondToFeedback(id: $id, message: $m, public: $p) { status version } }`;
const RESOLVE = `mutation($id: ID!, $r: String!) { resolveFeedback(id: $id, resolution: $r) { status version } }`;
const ACK = `mutation($id: ID!) { acknowledgeFeedback(id: $id) { status version } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectFeedback(id: $id, reason: $r) { status version } }`;
const MERGE = `mutation($id: ID!, $o: ID!) { markDuplicate(id: $id, duplicateOfId: $o) { status version } }`;
const RATE = `mutation($c: String!, $k: String, $s: Int!) { rateResolution(trackingCode: $c, citizenSecret: $k, score: $s) { status } }`;

/** Citizens told by e-mail through the real pipeline: outbox, relay, BullMQ, worker, SMTP. */
describe('notifications', () => {
  let stack: SuaraTestStack;
  let mailbox: SmtpMailbox;
  let staff: Record<string, string>;
  let queue: Queue;

  beforeAll(async () => {
    mailbox = await SmtpMailbox.start();
    stack = await SuaraTestStack.start({
      worker: true,
      env: { SMTP_URL: mailbox.url, PUBLIC_BASE_URL, JOB_BACKOFF_MS: '20' },
    });
    staff = await stack.login('staff.mdn-dlh@demo.suara.id');
    queue = new Queue(QueueName.Notifications, {
      connection: { url: stack.config.env.REDIS_URL },
      prefix: stack.config.env.REDIS_PREFIX,
    });
  });
  afterAll(async () => {
    await queue.close();
    await stack.stop();
    await mailbox.stop();
  });

  let n = 0;
  /** A citizen's report to MDN-DLH with an address of its own, routed by the worker. */
  async function report(extra: Record<string, unknown> = {}) {
    const email = `warga${++n}@contoh.id`;
    const res = await graphql(stack.url, SUBMIT, {
      i: {
        cityCode: 'MDN',
        kind: 'COMPLAINT',
        text: TEXT_FOR.DLH,
        agencyCode: 'MDN-DLH',
        reporter: { name: 'Siti Rahmawati', email },
        ...extra,
      },
    });
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const { trackingCode, citizenSecret } = res.data.submitFeedback;
    const [{ id }] = await stack.sql<{ id: string }>(
      'select id from feedback where tracking_code = ?',
      [trackingCode],
    );
    await mailFor(email, 1);
    return { id, trackingCode, citizenSecret, email };
  }
  const as = (query: string, variables: Record<string, unknown>) =>
    graphql(stack.url, query, variables, staff).then((res) => {
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data!;
    });
  const mailFor = (email: string, count: number) =>
    waitFor(`${count} message(s) to ${email}`, async () =>
      mailbox.to(email).length >= count ? mailbox.to(email) : undefined,
    );
  /** Jobs settle: nothing waits in the outbox or the queue. */
  const settled = async () => {
    await waitFor('notices to settle', async () => {
      const [{ n: outbox }] = await stack.sql<{ n: number }>(
        'select count(*)::int as n from outbox_message',
      );
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return outbox === 0 && Object.values(counts).every((c) => c === 0);
    });
    await sleep(200);
  };
  const kinds = (mails: ReceivedMail[]) => mails.map((m) => m.subject.replace(/^.*?: /, ''));

  it('tells the citizen once for each change, in Indonesian, with the status link', async () => {
    const item = await report();
    await as(ACK, { id: item.id }); // a step of the agency's work: no message
    await as(RESPOND, { id: item.id, m: 'Catatan internal: sopir cuti.', p: false });
    await as(RESPOND, { id: item.id, m: 'Truk dijadwalkan besok pagi.' });
    await mailFor(item.email, 2);
    await as(RESOLVE, { id: item.id, r: 'Sampah sudah diangkut.' });
    await mailFor(item.email, 3);
    const reopened = await graphql(stack.url, RATE, {
      c: item.trackingCode,
      k: item.citizenSecret,
      s: 1,
    });
    expect(reopened.data!.rateResolution.status).toBe('IN_PROGRESS');
    await mailFor(item.email, 4);
    await as(RESOLVE, { id: item.id, r: 'Sampah diangkut lagi dan TPS dibersihkan.' });
    await mailFor(item.email, 5);
    await graphql(stack.url, RATE, { c: item.trackingCode, k: item.citizenSecret, s: 5 });
    await mailFor(item.email, 6);
    await settled();

    const mails = mailbox.to(item.email);
    expect(kinds(mails)).toEqual([
      'diteruskan ke instansi',
      'ada tanggapan instansi',
      'selesai ditangani',
      'dibuka kembali',
      'selesai ditangani',
      'ditutup',
    ]);
    const [{ sent }] = await stack.sql<{ sent: number }>(
      'select count(*)::int as sent from notification where feedback_id = ?',
      [item.id],
    );
    expect(sent).toBe(6);

    const routed = mails[0];
    expect(routed.subject).toBe(`Laporan ${item.trackingCode}: diteruskan ke instansi`);
    expect(routed.text).toContain('Yth. Pelapor,');
    expect(routed.text).toContain('sudah diteruskan ke Dinas Lingkungan Hidup');
    expect(routed.text).toContain(`${PUBLIC_BASE_URL}/lacak?kode=${item.trackingCode}`);
    for (const mail of mails) {
      // Never the receipt's secret (in any spelling), never who reported it.
      expect(mail.text).not.toContain(item.citizenSecret);
      expect(mail.text).not.toContain(item.citizenSecret.replaceAll('-', ''));
      expect(mail.text).not.toContain('Siti');
      expect(mail.headers['list-unsubscribe']).toMatch(
        new RegExp(`^<${PUBLIC_BASE_URL}/berhenti\\?token=${item.id}\\.[A-Za-z0-9_-]{43}>$`),
      );
      expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    }
    // The address is in no job, outbox row or notification.
    const [{ leaks }] = await stack.sql<{ leaks: number }>(
      `select (select count(*) from outbox_message where payload::text like ?)
            + (select count(*) from notification n where row_to_json(n)::text like ?) as leaks`,
      [`%${item.email}%`, `%${item.email}%`],
    );
    expect(Number(leaks)).toBe(0);
    const jobs = await queue.getJobs(['completed']);
    expect(jobs.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(jobs.map((j) => j.data))).not.toContain(item.email);
  });

  it('tells the citizen of a merged report and of a rejected one, and no one else', async () => {
    const original = await report();
    const merged = await report();
    const rejected = await report();
    await as(MERGE, { id: merged.id, o: original.id });
    await as(REJECT, { id: rejected.id, r: 'Lokasi di luar wilayah kota.' });
    await mailFor(merged.email, 2);
    await mailFor(rejected.email, 2);
    await settled();
    expect(kinds(mailbox.to(merged.email))).toEqual([
      'diteruskan ke instansi',
      'digabung dengan laporan lain',
    ]);
    expect(kinds(mailbox.to(rejected.email))).toEqual([
      'diteruskan ke instansi',
      'tidak dapat ditindaklanjuti',
    ]);
    expect(mailbox.to(original.email)).toHaveLength(1);
    // The merged citizen's message never names the other report.
    expect(mailbox.to(merged.email)[1].text).not.toContain(original.trackingCode);
  });

  it('tells the citizen when a resolution they left unanswered closes itself', async () => {
    const item = await report();
    await as(RESOLVE, { id: item.id, r: 'Sampah sudah diangkut.' });
    await mailFor(item.email, 2);
    const later = new Date(Date.now() + 60 * 24 * 3600_000);
    await stack.workerApp!.get(DeadlineWatchService).closeUnanswered(later);
    await mailFor(item.email, 3);
    await settled();
    expect(kinds(mailbox.to(item.email))).toEqual([
      'diteruskan ke instansi',
      'selesai ditangani',
      'ditutup',
    ]);
  });

  it("tells an anonymous report's citizen too", async () => {
    const item = await report({ anonymous: true });
    expect(kinds(mailbox.to(item.email))).toEqual(['diteruskan ke instansi']);
  });

  it('sends a notice delivered twice once', async () => {
    const item = await report();
    const [{ version }] = await stack.sql<{ version: number }>(
      'select version from feedback where id = ?',
      [item.id],
    );
    const notifier = stack.workerApp!.get(CitizenNotifier);
    // The routing notice again, as a relay handing its outbox row over twice would.
    const again = await notifier.deliver({
      key: `notify:${item.id}:${version}`,
      feedbackId: item.id,
      notice: 'ROUTED',
      at: new Date().toISOString(),
    });
    expect(again).toBe('ALREADY_SENT');
    await settled();
    expect(mailbox.to(item.email)).toHaveLength(1);
  });

  it('stops further messages from the link in a message: GET offers, POST (one click) stops', async () => {
    const item = await report();
    const [first] = mailbox.to(item.email);
    const stopUrl = first.headers['list-unsubscribe']
      .slice(1, -1)
      .replace(PUBLIC_BASE_URL, stack.url);

    const offer = await fetch(stopUrl);
    expect(offer.status).toBe(200);
    const page = await offer.text();
    expect(page).toContain('<html lang="id">');
    expect(page).toContain('Berhenti menerima kabar');
    expect(page).toMatch(/<form method="post" action="\/berhenti\?token=/);
    expect(page).not.toMatch(/<script|https?:\/\//);
    const optOuts = () =>
      stack.sql<{ n: number }>(
        'select count(*)::int as n from notification_opt_out where feedback_id = ?',
        [item.id],
      );
    // Opening the link (as a mail scanner does) stops nothing.
    expect((await optOuts())[0].n).toBe(0);

    // What a mail client's one-click unsubscribe sends (RFC 8058).
    const stopped = await fetch(stopUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(stopped.status).toBe(200);
    expect(await stopped.text()).toContain('Anda tidak akan menerima kabar lagi');
    expect((await optOuts())[0].n).toBe(1);
    // Again is harmless.
    expect((await fetch(stopUrl, { method: 'POST' })).status).toBe(200);

    await as(RESPOND, { id: item.id, m: 'Petugas akan datang hari Senin.' });
    await as(RESOLVE, { id: item.id, r: 'Sudah dibersihkan.' });
    await settled();
    expect(mailbox.to(item.email)).toHaveLength(1);
    const outcomes = (await queue.getJobs(['completed']))
      .filter((j) => j.data.feedbackId === item.id)
      .map((j) => j.returnvalue)
      .sort();
    expect(outcomes).toEqual(['SENT', 'STOPPED', 'STOPPED']);
  });

  it('stops from a phone in a real browser, by keyboard, loading nothing from elsewhere', async () => {
    const item = await report();
    const stopUrl = mailbox
      .to(item.email)[0]
      .headers['list-unsubscribe'].slice(1, -1)
      .replace(PUBLIC_BASE_URL, stack.url);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const context = await browser.newContext({
        viewport: { width: 375, height: 740 },
        locale: 'id-ID',
        isMobile: true,
        hasTouch: true,
      });
      const page = await context.newPage();
      const requested: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      page.on('console', (m) => {
        // The browser's own favicon request: Suara serves none, on any page.
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico'))
          problems.push(`${m.text()} ${m.location().url}`);
      });
      await page.goto(stopUrl);
      expect(await page.getAttribute('html', 'lang')).toBe('id');
      expect(await page.title()).toBe('Suara: Berhenti menerima kabar laporan');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);

      const button = page.getByRole('button', { name: 'Berhenti menerima kabar' });
      await button.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Anda tidak akan menerima kabar lagi' }).waitFor();
      expect(await page.getByRole('status').textContent()).toContain('tidak akan mengirim e-mail');
      expect(await axeViolations(page)).toEqual([]);
      expect(requested.every((url) => url.startsWith(stack.url))).toBe(true);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
    const [{ n }] = await stack.sql<{ n: number }>(
      'select count(*)::int as n from notification_opt_out where feedback_id = ?',
      [item.id],
    );
    expect(n).toBe(1);
  });

  it('refuses a forged or cut stop link with a page that says what to do', async () => {
    const item = await report();
    const token = mailbox.to(item.email)[0].headers['list-unsubscribe'].match(/token=([^>]+)/)![1];
    const other = await report();
    const forged = `${other.id}.${token.split('.')[1]}`;
    for (const bad of [forged, token.slice(0, -1), 'x'.repeat(5000), '']) {
      const res = await fetch(`${stack.url}/berhenti?token=${encodeURIComponent(bad)}`, {
        method: 'POST',
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Tautan berhenti tidak valid');
    }
    const [{ n }] = await stack.sql<{ n: number }>(
      'select count(*)::int as n from notification_opt_out where feedback_id in (?, ?)',
      [item.id, other.id],
    );
    expect(n).toBe(0);
  });
});
