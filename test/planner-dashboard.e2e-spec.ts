import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, graphql } from '@suara/testing';
import { launchChromium } from './support/browser.js';
import { clusteredComplaint } from './support/clustered-items.js';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { trainingPlanInput } from './support/training-plans.js';

const ARTIFACTS = 'test-artifacts';

// One complaint recurring from three reporters at one agency: insight makes it a gap.
const RUDE = [
  'Petugas loket Dukcapil Tanjungpinang membentak warga lansia, kasar sekali saat mengurus KTP-el.',
  'Petugas pendaftaran Dukcapil Tanjungpinang ketus dan membentak warga lansia di loket KTP-el.',
  'Di loket Dukcapil Tanjungpinang petugasnya kasar, membentak ibu saya yang lansia mengurus KTP-el.',
];

/** The planners' dashboard at /planner in a real Chromium, over the real API. */
describe('planner dashboard in a real browser', () => {
  let stack: SuaraTestStack;
  let browser: Browser;
  let completedTitle: string;

  beforeAll(async () => {
    stack = await SuaraTestStack.start();
    const planner = await stack.login('planner@demo.suara.id');
    const create = async (input: Record<string, unknown>) => {
      const res = await graphql<{ createTrainingPlan: { id: string; version: number } }>(
        stack.url,
        'mutation($input: TrainingPlanInput!) { createTrainingPlan(input: $input) { id version } }',
        { input },
        planner,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createTrainingPlan;
    };
    completedTitle = 'Pelatihan Pelayanan Prima “Senyum, Sapa, Salam” untuk petugas SIAK';
    const done = await create(trainingPlanInput({ title: completedTitle }));
    const approved = await graphql(
      stack.url,
      'mutation($id: ID!, $v: Int) { approveTrainingPlan(id: $id, expectedVersion: $v) { status } }',
      { id: done.id, v: done.version },
      planner,
    );
    expect(approved.errors).toBeUndefined();
    const completed = await graphql(
      stack.url,
      'mutation($id: ID!) { completeTrainingPlan(id: $id) { status } }',
      { id: done.id },
      planner,
    );
    expect(completed.errors).toBeUndefined();
    await create(
      trainingPlanInput({
        title: 'Lokakarya OSS-RBA bagi petugas perizinan',
        competencyCode: 'T-PERIZINAN',
        agencyCodes: ['TPI-DPMPTSP'],
        method: 'WORKSHOP',
        participants: 12,
        hoursJp: 16,
        budgetIdr: 45000000,
      }),
    );
    // Real items through the citizens' API, routed, then analysed by insight as the worker does.
    for (const [i, text] of RUDE.entries())
      await clusteredComplaint(stack, 'TPI-DUKCAPIL', text, {
        name: `Warga ${i}`,
        email: `warga${i}@contoh.id`,
      });
    mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  /** A page that records every request it makes and every CSP complaint. */
  async function open(width: number): Promise<{
    context: BrowserContext;
    page: Page;
    requests: string[];
    cspErrors: string[];
  }> {
    const context = await browser.newContext({
      viewport: { width, height: width < 600 ? 844 : 900 },
      locale: 'id-ID',
      isMobile: width < 600,
      hasTouch: width < 600,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const requests: string[] = [];
    const cspErrors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(`${stack.url}/planner`);
    return { context, page, requests, cspErrors };
  }

  async function signIn(page: Page, email: string) {
    await page.fill('#email', email);
    await page.fill('#sandi', 'suara-demo');
    await page.click('#form-masuk button[type=submit]');
  }

  async function signInAsPlanner(page: Page) {
    await signIn(page, 'planner@demo.suara.id');
    await page.waitForFunction(() =>
      /dimuat\./.test(document.getElementById('status')?.textContent ?? ''),
    );
  }

  /** Every request stayed on the app's origin (no CDN, no web fonts). */
  function expectOnlyOwnOrigin(requests: string[]) {
    const origin = new URL(stack.url).origin;
    const outside = requests.filter((u) => !u.startsWith('blob:') && new URL(u).origin !== origin);
    expect(outside).toEqual([]);
    expect(requests.some((u) => u.endsWith('/assets/vendor/echarts.min.js'))).toBe(true);
  }

  it('shows only a sign-in form, and no data, before a planner signs in', async () => {
    const { context, page, requests, cspErrors } = await open(1280);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    expect(await page.isVisible('#form-masuk')).toBe(true);
    expect(await page.isHidden('#dasbor')).toBe(true);
    expect(await page.isHidden('#keluar')).toBe(true);
    // The page asked the API for nothing: without a token there is nothing to show.
    expect(requests.filter((u) => u.endsWith('/graphql'))).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/planner-signed-out-1280.png`, fullPage: true });
    expect(cspErrors).toEqual([]);
    await context.close();
  });

  it('refuses a non-planner in Indonesian and keeps no token', async () => {
    const { context, page } = await open(390);
    await signIn(page, 'staff.tpi-dukcapil@demo.suara.id');
    await page.waitForSelector('#masuk-error:not([hidden])');
    const message = await page.textContent('#masuk-error');
    expect(message).toContain('bukan akun perencana');
    expect(message).toContain('petugas instansi');
    expect(await page.isHidden('#dasbor')).toBe(true);
    expect(await page.isHidden('#keluar')).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/planner-refused-390.png`, fullPage: true });
    await context.close();
  });

  for (const width of [1280, 390]) {
    it(`shows the year, the 20 JP view and the effectiveness of a completed plan at ${width} px`, async () => {
      const { context, page, requests, cspErrors } = await open(width);
      await signInAsPlanner(page);
      await page.selectOption('#kota', 'TPI');
      await page.fill('#tahun', '2026');
      await page.click('#filter button[type=submit]');
      await page.waitForFunction(() =>
        /Tanjungpinang tahun 2026 dimuat/.test(
          document.getElementById('status')?.textContent ?? '',
        ),
      );

      // The year: budget used, and the plans.
      const summary = await page.textContent('#ringkasan-tahun');
      expect(summary).toMatch(/195\.000\.000/);
      const plans = await page.textContent('#daftar-rencana');
      expect(plans).toContain(completedTitle);
      expect(plans).toContain('Selesai');
      expect(plans).toContain('Draf');

      // The JP chart is drawn, and its text alternatives carry the numbers.
      expect(await page.locator('#jp-grafik canvas').count()).toBeGreaterThan(0);
      const jpLabel = await page.getAttribute('#jp-grafik', 'aria-label');
      expect(jpLabel).toMatch(/memenuhi hak 20 JP/);
      const jpRows = await page.$$eval('#jp-tabel tbody tr', (rows) =>
        rows.map((r) => [...r.children].map((c) => c.textContent)),
      );
      const dukcapil = jpRows.find((r) => r[0]!.includes('TPI-DUKCAPIL'))!;
      expect(dukcapil[2]).toBe('960'); // 40 participants × 24 JP

      // The completed plan: verdict, chart, weekly table.
      const effect = page.locator('#daftar-efektivitas article');
      expect(await effect.count()).toBe(1);
      expect(await effect.locator('h3').textContent()).toBe(completedTitle);
      expect(await effect.locator('.verdict').textContent()).toMatch(
        /turun signifikan|tidak berubah|naik|belum cukup data/,
      );
      expect(await effect.locator('.chart canvas').count()).toBeGreaterThan(0);
      expect(await effect.locator('.chart').getAttribute('aria-label')).toMatch(
        /\d+ minggu.*Kesimpulan: /,
      );

      // Gaps per agency, most severe first, each explained.
      const agency = page.locator('#daftar-kesenjangan article');
      expect(await agency.count()).toBe(1);
      expect(await agency.locator('h3').textContent()).toContain('Kependudukan');
      const gapTitles = await agency.locator('.gap-title strong').allTextContents();
      expect(gapTitles.map((t) => /\(([^)]+)\)$/.exec(t)![1]).sort()).toEqual(['M.03', 'M.05']);
      expect(await agency.locator('li').first().textContent()).toMatch(
        /Bukti: 1 klaster, 3 keluhan/,
      );

      // The heat map is drawn; its label and table carry the severities.
      expect(await page.locator('#peta-grafik canvas').count()).toBeGreaterThan(0);
      expect(await page.getAttribute('#peta-grafik', 'aria-label')).toMatch(
        /1 instansi × 2 kompetensi\. Paling berat \d/,
      );
      const heatCells = await page.$$eval('#peta-tabel tbody td', (cells) =>
        cells.map((c) => c.textContent),
      );
      expect(heatCells).toHaveLength(2);
      for (const cell of heatCells) expect(cell).toMatch(/^\d+(,\d+)?$/);

      // A gap's evidence, week by week.
      await agency
        .locator('li')
        .first()
        .getByRole('button', { name: /Lihat tren/ })
        .click();
      await page.waitForSelector('#tren-grafik:not([hidden]) canvas');
      expect(await page.getAttribute('#tren-grafik', 'aria-label')).toMatch(
        /3 keluhan dalam 1 minggu/,
      );
      const weekly = await page.$$eval('#tren-tabel tbody tr', (rows) =>
        rows.map((r) => [...r.children].map((c) => c.textContent)),
      );
      expect(weekly).toEqual([[expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), '3']]);

      // The budget suggestion answers in Indonesian.
      await page.fill('#anggaran', '500000000');
      await page.click('#form-saran button[type=submit]');
      await page.waitForSelector('#hasil-saran h3');
      expect(await page.textContent('#hasil-saran')).toMatch(/Saran: Rp/);

      // Every section readable without sideways scrolling of the page itself.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);

      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/planner-${width}.png`, fullPage: true });
      for (const section of ['kesenjangan', 'peta', 'tren', 'rencana', 'efektivitas']) {
        await page
          .locator(`#${section}`)
          .screenshot({ path: `${ARTIFACTS}/planner-${width}-${section}.png` });
      }

      // A CSV export, fetched with the bearer token and handed over as a download.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('button[data-csv="plans"]'),
      ]);
      expect(download.suggestedFilename()).toBe('rencana-pengembangan-kompetensi.csv');
      const csv = await (await download.createReadStream()).toArray();
      const text = Buffer.concat(csv).toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      expect(text).toContain('“Senyum, Sapa, Salam”');

      expectOnlyOwnOrigin(requests);
      expect(cspErrors).toEqual([]);
      await context.close();
    });
  }

  it('accepts and dismisses gaps through reviewCompetencyGap', async () => {
    const { context, page } = await open(1280);
    await signInAsPlanner(page);
    await page.selectOption('#kota', 'TPI');
    await page.click('#filter button[type=submit]');
    await page.waitForFunction(() =>
      /Tanjungpinang tahun \d+ dimuat/.test(document.getElementById('status')?.textContent ?? ''),
    );
    await page.getByRole('button', { name: /^Terima kesenjangan Pelayanan Publik/ }).click();
    await page.getByRole('button', { name: /^Tolak kesenjangan Komunikasi/ }).click();
    await page.waitForFunction(
      () =>
        document.querySelectorAll(
          '#daftar-kesenjangan .badge.accepted, #daftar-kesenjangan .badge.dismissed',
        ).length === 2,
    );
    const planner = await stack.login('planner@demo.suara.id');
    const gaps = await graphql<{
      competencyGaps: { competency: { code: string }; status: string }[];
    }>(
      stack.url,
      '{ competencyGaps(filter: { cityCode: "TPI" }) { competency { code } status } }',
      {},
      planner,
    );
    expect(
      Object.fromEntries(gaps.data!.competencyGaps.map((g) => [g.competency.code, g.status])),
    ).toEqual({ 'M.05': 'ACCEPTED', 'M.03': 'DISMISSED' });
    // A decided gap offers only the other decision.
    expect(
      await page.getByRole('button', { name: /^Terima kesenjangan Pelayanan Publik/ }).count(),
    ).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/planner-reviewed-1280.png`, fullPage: true });
    await context.close();
  });

  it('says so when a city has no plans, and stays accessible', async () => {
    const { context, page } = await open(390);
    await signInAsPlanner(page);
    await page.selectOption('#kota', 'KTC');
    await page.fill('#tahun', '2026');
    await page.click('#filter button[type=submit]');
    await page.waitForFunction(() =>
      /Kutacane.*tahun 2026 dimuat/.test(document.getElementById('status')?.textContent ?? ''),
    );
    expect(await page.textContent('#daftar-rencana')).toContain('Belum ada rencana');
    expect(await page.textContent('#daftar-efektivitas')).toContain(
      'Belum ada rencana yang selesai',
    );
    expect(await page.textContent('#daftar-kesenjangan')).toMatch(/[Bb]elum ada data kesenjangan/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/planner-empty-390.png`, fullPage: true });
    // Signing out forgets the token and hides the data.
    await page.click('#keluar');
    expect(await page.isHidden('#dasbor')).toBe(true);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await context.close();
  });
});
