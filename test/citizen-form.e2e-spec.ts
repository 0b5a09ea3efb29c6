import { Browser, Page, chromium } from 'playwright-core';
import { graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { routedItem } from './support/triage-items.js';

/** The citizen form in a real Chromium on a phone-sized screen. */
describe('citizen form in a real browser', () => {
  let stack: SuaraTestStack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    stack = await SuaraTestStack.start({ worker: true });
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
  });
});
