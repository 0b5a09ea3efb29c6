import { mkdirSync } from 'node:fs';
import { Browser, Page, chromium } from 'playwright-core';
import { CITIES } from '@suara/reference';
import { axeViolations, graphql, waitFor } from '@suara/testing';
import { ARGUMENT_LIMITS } from '../apps/api/src/graphql/limits/argument-limits.js';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { routedItem } from './support/triage-items.js';

/** Word pairs said twice in one text, e.g. "Diteruskan ke instansi Diteruskan ke Dinas …". */
function repeatedPhrases(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const pair = `${words[i]} ${words[i + 1]}`;
    if (seen.has(pair)) repeated.push(pair);
    seen.add(pair);
  }
  return repeated;
}

/** WCAG 2 contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map(Number)
      .map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The citizen form in a real Chromium on a phone-sized screen. */
describe('citizen form in a real browser', () => {
  let stack: SuaraTestStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Not the default (10): the pages must show what this installation is set to.
    stack = await SuaraTestStack.start({ worker: true, env: { SLA_AUTO_CLOSE_DAYS: '7' } });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });
  beforeEach(async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      locale: 'id-ID',
      hasTouch: true,
      isMobile: true,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: stack.url });
    page = await context.newPage();
  });
  afterEach(async () => {
    await page.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  it('is an accessible Indonesian page where every control has a label', async () => {
    await page.goto(stack.url);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    const unlabelled = await page.$$eval('input, select, textarea', (controls) =>
      controls
        .filter((c) => c.getAttribute('type') !== 'hidden')
        .filter((c) => !(c as HTMLInputElement).labels?.length && !c.getAttribute('aria-label'))
        .map((c) => c.id || c.getAttribute('name')),
    );
    expect(unlabelled).toEqual([]);
    await expect(page.getByText('UU No. 27 Tahun 2022').isVisible()).resolves.toBe(true);
    // Nothing wider than the phone's screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('sends a complaint, shows the tracking code, and the status page finds it', async () => {
    await page.goto(stack.url);
    await page.getByLabel('Kota/kabupaten').selectOption('MDN');
    await page.getByLabel('Pengaduan').check();
    await page
      .getByLabel('Isi laporan')
      .fill('Petugas loket KTP minta "uang rokok" <b>50 ribu</b> supaya cepat.');
    await page.getByLabel('Instansi tujuan').selectOption('MDN-DUKCAPIL');
    await page.getByLabel('Nomor HP').fill('0812 3456 7890');
    await page.getByLabel('Rahasiakan identitas saya (anonim)').check();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();

    const code = page.locator('#kode-lacak');
    await code.waitFor({ state: 'visible' });
    const trackingCode = (await code.textContent())!.trim();
    expect(trackingCode).toMatch(/^[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
    await expect(
      page.getByRole('heading', { name: 'Laporan Anda sudah kami terima' }).isVisible(),
    ).resolves.toBe(true);

    await page.getByRole('button', { name: 'Salin kode' }).click();
    await page.getByText('Kode disalin.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(trackingCode);

    // The secret only the citizen holds, explained, shown once, never stored as such.
    const secret = (await page.locator('#kode-rahasia').textContent())!.trim();
    expect(secret).toMatch(/^([2-9A-HJ-NP-Z]{7}-){3}[2-9A-HJ-NP-Z]{7}$/);
    await expect(page.locator('#rahasia-hint').textContent()).resolves.toMatch(
      /Simpan kode rahasia ini.*jangan bagikan/s,
    );
    await page.getByRole('button', { name: 'Salin rahasia' }).click();
    await page.getByText('Kode rahasia disalin.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    expect(await axeViolations(page)).toEqual([]);
    await expect(page.locator('#tautan-lacak').getAttribute('href')).resolves.toBe(
      `/lacak?kode=${trackingCode}#s=${secret}`,
    );
    const [stored] = await stack.sql<{ row: string }>(
      'select f::text as row from feedback f where tracking_code = ?',
      [trackingCode],
    );
    expect(stored.row).not.toContain(secret.replace(/-/g, ''));

    const [row] = await stack.sql<{ anonymous: boolean; text: string }>(
      'select anonymous, text from feedback where tracking_code = ?',
      [trackingCode],
    );
    expect(row).toEqual({
      anonymous: true,
      text: 'Petugas loket KTP minta "uang rokok" <b>50 ribu</b> supaya cepat.',
    });

    await page.getByRole('link', { name: 'Lihat perkembangan laporan' }).click();
    await page.locator('#hasil').waitFor({ state: 'visible' });
    await expect(page.locator('#hasil-kode').textContent()).resolves.toBe(trackingCode);
    // The link's fragment filled the rating form's secret and left the address bar.
    await expect(page.locator('#rahasia').inputValue()).resolves.toBe(secret);
    expect(new URL(page.url()).hash).toBe('');
    // The worker routes it to the agency the citizen chose; the page shows it on a fresh lookup.
    await waitFor(
      'the status page to show the agency',
      async () => {
        await page.getByRole('button', { name: 'Lacak' }).click();
        return (await page.locator('#instansi').textContent())?.includes('Kependudukan');
      },
      15_000,
      300,
    );
    await expect(page.locator('#riwayat li').count()).resolves.toBeGreaterThanOrEqual(2);
    // Each step says its status once; the router's note adds only the agency's name.
    const steps = await page.locator('#riwayat li').allTextContents();
    for (const step of steps)
      expect({ step, repeated: repeatedPhrases(step) }).toEqual({ step, repeated: [] });
    expect(steps.join('\n')).toContain(
      'Diteruskan ke instansi: Dinas Kependudukan dan Pencatatan Sipil Kota Medan.',
    );
  });

  it('shows validation errors in Indonesian next to the field, and stores nothing', async () => {
    const [{ n: before }] = await stack.sql<{ n: number }>(
      'select count(*)::int as n from feedback',
    );
    await page.goto(stack.url);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await expect(page.locator('[id="text-error"]').textContent()).resolves.toMatch(
      /Isi laporan tidak boleh kosong/,
    );
    await expect(page.locator('[id="cityCode-error"]').textContent()).resolves.toMatch(
      /Pilih kota/,
    );
    await expect(page.locator('#ringkasan-galat').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ringkasan-galat');

    await page.getByLabel('Kota/kabupaten').selectOption('PMS');
    await page.getByLabel('Isi laporan').fill('Jalan rusak parah di Jl. Sisingamangaraja.');
    await page.getByLabel('Email').fill('warga@');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const emailError = page.locator('[id="reporter.email-error"]');
    await emailError.waitFor({ state: 'visible' });
    await expect(emailError.textContent()).resolves.toBe(
      'Alamat email tidak valid. Contoh yang benar: nama@contoh.id',
    );
    await expect(page.getByLabel('Email').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    const [{ n: after }] = await stack.sql<{ n: number }>(
      'select count(*)::int as n from feedback',
    );
    expect(after).toBe(before);
  });

  it('works with the keyboard alone', async () => {
    await page.goto(stack.url);
    await page.locator('#cityCode').focus();
    await page.keyboard.press('ArrowDown'); // first city
    await page.keyboard.press('Tab'); // kind radios
    await page.keyboard.press('ArrowDown'); // SUGGESTION
    await page.keyboard.press('Tab'); // text
    await page.keyboard.type('Usul: perpanjang jam layanan puskesmas sampai sore.');
    await page.locator('#kirim').focus();
    await page.keyboard.press('Enter');
    await page.locator('#kode-lacak').waitFor({ state: 'visible' });
    const trackingCode = (await page.locator('#kode-lacak').textContent())!.trim();
    const [row] = await stack.sql<{ kind: string; city_code: string }>(
      'select kind, city_code from feedback where tracking_code = ?',
      [trackingCode],
    );
    expect(row).toEqual({ kind: 'SUGGESTION', city_code: 'PMS' });
  });

  it('tells the citizen when a tracking code is unknown', async () => {
    await page.goto(`${stack.url}/lacak`);
    await page.getByLabel('Kode lacak').fill('ABCDE-23456');
    await page.getByRole('button', { name: 'Lacak' }).click();
    // The answer comes from the API after the click: wait for it to be shown.
    const error = page.locator('#kode-error');
    await error.waitFor({ state: 'visible' });
    await expect(error.textContent()).resolves.toMatch(/Kode lacak tidak ditemukan/);
  });

  it('lets the citizen rate a resolved report; a low rating reopens it', async () => {
    const item = await routedItem(stack, 'KTC-DLH');
    const staff = await stack.login('staff.ktc-dlh@demo.suara.id');
    const resolved = await graphql(
      stack.url,
      'mutation($id: ID!) { resolveFeedback(id: $id, resolution: "Sampah sudah diangkut.") { status } }',
      { id: item.id },
      staff,
    );
    expect(resolved.data!.resolveFeedback.status).toBe('RESOLVED');

    // Someone who knows only the tracking code (staff, another citizen) cannot rate.
    await page.goto(`${stack.url}/lacak?kode=${item.trackingCode}`);
    const rating = page.getByRole('form', { name: 'Beri nilai penyelesaian' });
    await rating.waitFor({ state: 'visible' });
    // The installation's setting (7), not a number copied into the page.
    await expect(page.locator('#nilai-hint').textContent()).resolves.toMatch(
      /ditutup otomatis setelah 7 hari kerja/,
    );
    await page.getByLabel('5, sangat puas').check();
    await page.getByRole('button', { name: 'Kirim nilai' }).click();
    const secretError = page.locator('#rahasia-error');
    await secretError.waitFor({ state: 'visible' });
    await expect(secretError.textContent()).resolves.toMatch(/Masukkan kode rahasia/);
    await page.getByLabel('Kode rahasia').fill('AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA');
    await page.getByRole('button', { name: 'Kirim nilai' }).click();
    await waitFor('the wrong secret to be refused', async () =>
      /tidak cocok/.test((await secretError.textContent()) ?? ''),
    );
    await expect(page.getByLabel('Kode rahasia').getAttribute('aria-invalid')).resolves.toBe(
      'true',
    );
    // The status page with its rating form, in its error state, as a screen reader meets it.
    expect(await axeViolations(page)).toEqual([]);
    const [{ n: noRating }] = await stack.sql<{ n: number }>(
      'select count(*)::int as n from resolution_rating where feedback_id = ?',
      [item.id],
    );
    expect(noRating).toBe(0);

    // The receipt's link carries the secret (opened afresh, as from a bookmark).
    await page.goto('about:blank');
    await page.goto(`${stack.url}/lacak?kode=${item.trackingCode}#s=${item.citizenSecret}`);
    await rating.waitFor({ state: 'visible' });
    await expect(page.locator('#tanggapan').textContent()).resolves.toContain(
      'Sampah sudah diangkut.',
    );
    await page.getByRole('button', { name: 'Kirim nilai' }).click();
    await expect(page.locator('#nilai-error').textContent()).resolves.toBe(
      'Pilih nilai 1 sampai 5.',
    );

    await page.getByLabel('2, tidak puas').check();
    await page.getByLabel('Komentar (boleh dikosongkan)').fill('Masih ada tumpukan di ujung gang.');
    await page.getByRole('button', { name: 'Kirim nilai' }).click();
    const thanks = page.locator('#nilai-terkirim');
    await thanks.waitFor({ state: 'visible' });
    await expect(thanks.textContent()).resolves.toMatch(/dibuka kembali/);
    await expect(page.locator('#status').textContent()).resolves.toBe('Sedang ditindaklanjuti');
    await expect(rating.isVisible()).resolves.toBe(false);
    const [row] = await stack.sql<{ status: string; comment: string }>(
      `select f.status, r.comment from feedback f join resolution_rating r on r.feedback_id = f.id where f.id = ?`,
      [item.id],
    );
    expect(row).toEqual({ status: 'IN_PROGRESS', comment: 'Masih ada tumpukan di ujung gang.' });
    // Resolved, then reopened: staff's and the citizen's notes add to the status, never repeat it.
    const steps = await page.locator('#riwayat li').allTextContents();
    expect(steps).toHaveLength(4);
    for (const step of steps)
      expect({ step, repeated: repeatedPhrases(step) }).toEqual({ step, repeated: [] });
  });

  it('takes cities, sizes and days from the server, not from copies in the page', async () => {
    await page.goto(stack.url);
    const cities = await page.$$eval('#cityCode option', (options) =>
      options.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
    );
    expect(cities).toEqual(CITIES.map((c) => c.code));
    const textLimit = ARGUMENT_LIMITS['SubmitFeedbackInput.text'].maxLength!;
    await expect(page.locator('#text').getAttribute('maxlength')).resolves.toBe(String(textLimit));
    await expect(page.locator('#text-count').textContent()).resolves.toBe(
      `0 / ${textLimit.toLocaleString('id-ID')} karakter`,
    );
    for (const [id, coordinate] of [
      ['location', 'SubmitFeedbackInput.location'],
      ['reporter-name', 'ReporterInput.name'],
      ['reporter-email', 'ReporterInput.email'],
      ['reporter-phone', 'ReporterInput.phone'],
    ])
      await expect(page.locator(`#${id}`).getAttribute('maxlength')).resolves.toBe(
        String(ARGUMENT_LIMITS[coordinate].maxLength),
      );
    const tracking = await (await fetch(`${stack.url}/lacak`)).text();
    expect(tracking).toContain('ditutup otomatis setelah 7 hari kerja');
    expect(tracking).not.toMatch(/\{\{|10 hari kerja/);
  });

  it('announces the characters left only as the limit nears, not at every keystroke', async () => {
    await page.goto(stack.url);
    // Every change to any live region the screen reader would speak.
    await page.evaluate(() => {
      const w = window as unknown as { spoken: string[] };
      w.spoken = [];
      const live = document.querySelectorAll('[aria-live], [role=status], [role=alert]');
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const region = (r.target instanceof Element ? r.target : r.target.parentElement)!;
          w.spoken.push(region.closest('[aria-live], [role=status], [role=alert]')!.textContent!);
        }
      });
      for (const region of live)
        observer.observe(region, { childList: true, characterData: true, subtree: true });
    });
    const spoken = () => page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    const box = page.getByLabel('Isi laporan');
    await box.pressSequentially('Lampu jalan mati sejak minggu lalu.');
    await expect(page.locator('#text-count').textContent()).resolves.toBe('35 / 5.000 karakter');
    expect(await spoken()).toEqual([]);

    const limit = ARGUMENT_LIMITS['SubmitFeedbackInput.text'].maxLength!;
    await box.fill('a'.repeat(limit - 102));
    await box.pressSequentially('bcdef');
    await waitFor('the announcement', async () => (await spoken()).length > 0);
    expect(await spoken()).toEqual(['Sisa 100 karakter.']);
    await box.fill('a'.repeat(limit));
    await waitFor('the limit announced', async () => (await spoken()).length > 1);
    expect(await spoken()).toEqual(['Sisa 100 karakter.', 'Batas 5.000 karakter tercapai.']);
  });

  it('draws a focus ring with at least 3:1 contrast against the page', async () => {
    await page.goto(stack.url);
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab'); // the first menu link
    const colours = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement;
      const ring = getComputedStyle(focused);
      let bg = 'rgba(0, 0, 0, 0)';
      for (
        let el: Element | null = focused.parentElement;
        el && /, 0\)$|transparent/.test(bg);
        el = el.parentElement
      )
        bg = getComputedStyle(el).backgroundColor;
      return { outline: ring.outlineColor, style: ring.outlineStyle, width: ring.outlineWidth, bg };
    });
    expect(colours.style).toBe('solid');
    expect(parseFloat(colours.width)).toBeGreaterThanOrEqual(2);
    expect(contrast(colours.outline, colours.bg)).toBeGreaterThanOrEqual(3);
    // And inside the white receipt and error boxes.
    expect(contrast(colours.outline, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(3);
  });

  it('has its own icon and loads nothing from elsewhere, under the strict policy', async () => {
    const foreign: string[] = [];
    const refused: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(stack.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    const response = await page.goto(stack.url);
    expect(response!.headers()['content-security-policy']).toMatch(/script-src 'self';/);
    await page.goto(`${stack.url}/lacak`);
    await expect(page.locator('link[rel=icon]').getAttribute('href')).resolves.toBe(
      '/assets/favicon.svg',
    );
    const icon = await fetch(`${stack.url}/assets/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await icon.text()).toMatch(/^<svg /);
    const legacy = await fetch(`${stack.url}/favicon.ico`, { redirect: 'manual' });
    expect([legacy.status, legacy.headers.get('location')]).toEqual([301, '/assets/favicon.svg']);
    expect(foreign).toEqual([]);
    expect(refused).toEqual([]);
  });

  it('looks right on a phone and on a desktop (screenshots in test-artifacts/)', async () => {
    const item = await routedItem(stack, 'TPI-DLH');
    const staff = await stack.login('staff.tpi-dlh@demo.suara.id');
    await graphql(
      stack.url,
      'mutation($id: ID!) { resolveFeedback(id: $id, resolution: "Sampah sudah diangkut pagi ini.") { status } }',
      { id: item.id },
      staff,
    );
    mkdirSync('test-artifacts', { recursive: true });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(stack.url);
      await page.getByLabel('Kota/kabupaten').selectOption('TPI');
      await page.screenshot({ path: `test-artifacts/form-${width}.png`, fullPage: true });
      await page.goto(`${stack.url}/lacak?kode=${item.trackingCode}`);
      await page.locator('#hasil').waitFor({ state: 'visible' });
      await page.screenshot({ path: `test-artifacts/lacak-${width}.png`, fullPage: true });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
  });
});
