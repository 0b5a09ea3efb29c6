import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { axeViolations, graphql, waitFor } from '@suara/testing';
import { launchChromium, phonePage } from './support/browser.js';
import { cellsContaining } from './support/personal-data.js';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { type NewItem, routedItem } from './support/triage-items.js';

const ERASE = `mutation($code: String!, $secret: String) {
  eraseMyContact(trackingCode: $code, citizenSecret: $secret) { trackingCode erased } }`;
const REPORTER = '{ feedback(id: $id) { reporter { name email phone } } }';
// About 5 s: long enough to see the job leave a fresh closure alone, short enough to wait for.
const RETENTION_DAYS = 0.00006;

let serial = 0;
/** A distinct person per item, so that one item's search never finds another's contact. */
function person() {
  serial += 1;
  const n = String(1000 + serial);
  return {
    reporter: {
      name: `Sulastri Wibowokusumo${n}`,
      email: `sulastri.hapus${n}@contoh.id`,
      phone: `0812-7788-${n}`,
    },
    needles: [`Wibowokusumo${n}`, `sulastri.hapus${n}@contoh.id`, `812778${n}`],
  };
}

/** UU 27/2022: the citizen's erasure, the retention period, and the privacy pages. */
describe('data rights', () => {
  let stack: SuaraTestStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({
      worker: true,
      env: {
        RETENTION_DAYS_AFTER_CLOSE: String(RETENTION_DAYS),
        RETENTION_EVERY_MS: '500',
        DATA_CONTROLLER_NAME: 'Dinas Kominfo Kota Uji',
        DATA_CONTROLLER_CONTACT: 'ppid@kota-uji.go.id',
      },
    });
    browser = await launchChromium();
    mkdirSync('test-artifacts', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  async function itemWithContact(): Promise<NewItem & { needles: string[] }> {
    const { reporter, needles } = person();
    const item = await routedItem(stack, 'PMS-PUPR', { reporter });
    return { ...item, needles };
  }

  it('erases the contact from every table on the citizen’s request; the report stays, anonymous', async () => {
    const item = await itemWithContact();
    const staff = await stack.login('staff.pms-pupr@demo.suara.id');
    // Staff read the identity once: that read is audited, and must not keep the values either.
    const read = await graphql(stack.url, `query($id: ID!) ${REPORTER}`, { id: item.id }, staff);
    expect(read.data?.feedback.reporter.email).toBe(item.needles[1]);
    expect(await cellsContaining(stack, item.needles)).not.toEqual([]);

    const wrong = await graphql(stack.url, ERASE, {
      code: item.trackingCode,
      secret: 'AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA',
    });
    expect(wrong.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const missing = await graphql(stack.url, ERASE, { code: item.trackingCode });
    expect(missing.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'citizenSecret',
    });
    expect(await cellsContaining(stack, item.needles)).not.toEqual([]);

    const page = await phonePage(browser);
    await page.goto(`${stack.url}/data-saya`);
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#kode', item.trackingCode);
    await page.fill('#rahasia', item.citizenSecret);
    await page.click('button[type=submit]');
    await page.waitForSelector('#hasil:not([hidden])');
    expect(await page.textContent('#hasil')).toContain('sudah dihapus');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();

    expect(await cellsContaining(stack, item.needles)).toEqual([]);
    const [row] = await stack.sql<{ anonymous: boolean; idempotency_body_hash: string | null }>(
      'select anonymous, idempotency_body_hash from feedback where id = ?',
      [item.id],
    );
    expect(row.anonymous).toBe(true);
    const after = await graphql(stack.url, `query($id: ID!) ${REPORTER}`, { id: item.id }, staff);
    expect(after.data?.feedback.reporter).toBeNull();
    const [entry] = await stack.sql<{ actor_type: string; after: Record<string, unknown> }>(
      `select actor_type, after from audit_entry where subject_id = ? and action = 'reporter.contact_erased'`,
      [item.id],
    );
    expect(entry).toEqual({
      actor_type: 'CITIZEN',
      after: { anonymous: true, fields: ['name', 'email', 'phone'], reason: 'CITIZEN_REQUEST' },
    });
    const status = await graphql(
      stack.url,
      'query($c: String!) { feedbackStatus(trackingCode: $c) { status } }',
      { c: item.trackingCode },
    );
    expect(status.data?.feedbackStatus.status).toBe('ROUTED');

    const again = await graphql(stack.url, ERASE, {
      code: item.trackingCode,
      secret: item.citizenSecret,
    });
    expect(again.data?.eraseMyContact).toEqual({ trackingCode: item.trackingCode, erased: false });
  });

  it('erases the contact of a closed report after the retention period, not before, and leaves open reports alone', async () => {
    const open = await itemWithContact();
    const closed = await itemWithContact();
    const staff = await stack.login('staff.pms-pupr@demo.suara.id');
    const rejected = await graphql(
      stack.url,
      'mutation($id: ID!) { rejectFeedback(id: $id, reason: "Bukan kewenangan daerah.") { status } }',
      { id: closed.id },
      staff,
    );
    expect(rejected.data?.rejectFeedback.status).toBe('REJECTED');
    const closedAt = Date.now();

    // The job runs every 0.5 s: a few runs within the period leave the contact in place.
    await new Promise((r) => setTimeout(r, 2_000));
    const contactOf = (id: string) =>
      stack.sql('select 1 from reporter_contact where feedback_id = ?', [id]);
    if (Date.now() - closedAt < RETENTION_DAYS * 86_400_000 - 500)
      expect(await contactOf(closed.id)).toHaveLength(1);

    await waitFor(
      'the retention job to erase the closed report’s contact',
      async () => (await contactOf(closed.id)).length === 0,
      30_000,
      250,
    );
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(RETENTION_DAYS * 86_400_000 - 1_000);
    expect(await cellsContaining(stack, closed.needles)).toEqual([]);
    expect(await contactOf(open.id)).toHaveLength(1);
    const [entry] = await stack.sql<{ actor_type: string; actor_id: string; after: object }>(
      `select actor_type, actor_id, after from audit_entry
        where subject_id = ? and action = 'reporter.contact_erased'`,
      [closed.id],
    );
    expect(entry).toEqual({
      actor_type: 'SYSTEM',
      actor_id: 'contact-retention',
      after: { anonymous: true, fields: ['name', 'email', 'phone'], reason: 'RETENTION_PERIOD' },
    });
  });

  it('states purpose, retention and the data controller on the form, with an accessible privacy page', async () => {
    const page = await phonePage(browser);
    await page.goto(stack.url);
    const notice = await page.textContent('#pemberitahuan-data');
    expect(notice).toContain('Dinas Kominfo Kota Uji');
    expect(notice).toContain('ppid@kota-uji.go.id');
    expect(notice).toContain('menindaklanjuti laporan');
    expect(await page.getAttribute('#pemberitahuan-data a', 'href')).toBe('/privasi');

    await page.goto(`${stack.url}/privasi`);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    const text = (await page.textContent('main')) ?? '';
    for (const words of [
      'UU PDP',
      'Dinas Kominfo Kota Uji',
      'Hak akses',
      'Hak perbaikan',
      'Hak penghapusan',
      'anonim',
      'Perencana',
    ])
      expect(text).toContain(words);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();

    for (const width of [390, 1280]) {
      const shot = await phonePage(browser, width);
      for (const path of ['privasi', 'data-saya']) {
        await shot.goto(`${stack.url}/${path}`);
        await shot.screenshot({ path: `test-artifacts/${path}-${width}.png`, fullPage: true });
      }
      await shot.context().close();
    }
  });
});
