import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { Browser, Page, chromium } from 'playwright-core';
import { axeViolations, graphql, waitFor } from '@suara/testing';
import { SuaraTestStack } from './support/suara-test-stack.js';
import { phonePhoto } from './support/photos.js';

const ARTIFACTS = 'test-artifacts';
const MEDAN = { latitude: 3.5952, longitude: 98.6722 };
const JAKARTA = { latitude: -6.2, longitude: 106.8 };

/** A citizen with a phone: photos, their position, and their own report on the status page. */
describe('photos and the own report in a real browser', () => {
  let stack: SuaraTestStack;
  let browser: Browser;
  let page: Page;
  let photoDir: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    photoDir = mkdtempSync(join(tmpdir(), 'suara-photos-'));
    stack = await SuaraTestStack.start({
      worker: true,
      env: { PHOTO_DIR: photoDir, SWEEP_EVERY_MS: '1000' },
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  });
  beforeEach(async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'id-ID',
      hasTouch: true,
      isMobile: true,
    });
    await context.grantPermissions(['geolocation'], { origin: stack.url });
    await context.setGeolocation(MEDAN);
    page = await context.newPage();
  });
  afterEach(async () => {
    await page.context().close();
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
    rmSync(photoDir, { recursive: true, force: true });
  });

  const fillReport = async () => {
    await page.goto(stack.url);
    await page.getByLabel('Kota/kabupaten').selectOption('MDN');
    await page
      .getByLabel('Isi laporan')
      .fill('Sampah menumpuk di depan Pasar Petisah, sudah seminggu tidak diangkut.');
    await page.getByLabel('Instansi tujuan').selectOption('MDN-DLH');
    await page.locator('#location').fill('Jl. Kota Baru, depan Pasar Petisah');
  };

  it('sends a report with a photo and the phone’s position, then reads and adds to it', async () => {
    await fillReport();
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.getByText(/Titik lokasi tersimpan: 3\.59520, 98\.67220/).waitFor();
    await page.setInputFiles('#photos', [
      { name: 'sampah.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() },
    ]);
    await expect(page.locator('#daftar-foto li').textContent()).resolves.toMatch(/^sampah\.jpg/);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/form-photo-390.png`, fullPage: true });
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('#kode-lacak').waitFor({ state: 'visible' });
    const trackingCode = (await page.locator('#kode-lacak').textContent())!.trim();

    const [row] = await stack.sql<{ id: string; latitude: number; storage_key: string }>(
      `select f.id, f.latitude, p.storage_key from feedback f
       join feedback_photo p on p.feedback_id = f.id where f.tracking_code = ?`,
      [trackingCode],
    );
    expect(row.latitude).toBe(MEDAN.latitude);
    const stored = await sharp(join(photoDir, row.storage_key)).metadata();
    expect({ exif: stored.exif, width: stored.width }).toEqual({ exif: undefined, width: 1600 });

    // The receipt's link carries the secret: the status page shows the citizen's own report.
    await page.getByRole('link', { name: 'Lihat perkembangan laporan' }).click();
    await page.locator('#isi-saya').waitFor({ state: 'visible' });
    await expect(page.locator('#saya-teks').textContent()).resolves.toMatch(/Pasar Petisah/);
    await expect(page.locator('#saya-lokasi').textContent()).resolves.toBe(
      'Jl. Kota Baru, depan Pasar Petisah; titik 3.59520, 98.67220',
    );
    const img = page.getByRole('img', { name: 'Foto 1 dari 1 yang Anda kirim' });
    await waitFor(
      'the photo to load',
      () => img.evaluate((i) => (i as HTMLImageElement).naturalWidth === 1600),
      10_000,
    );
    // The worker routes it and sets the working-day deadline of the next step.
    await waitFor(
      'the deadline to be shown',
      async () => {
        await page.getByRole('button', { name: 'Lacak' }).click();
        await page.locator('#isi-saya').waitFor({ state: 'visible' });
        return /\d{4}$/.test((await page.locator('#saya-batas').textContent()) ?? '');
      },
      15_000,
      300,
    );
    await expect(page.locator('#saya-batas').textContent()).resolves.toMatch(
      /^(Senin|Selasa|Rabu|Kamis|Jumat), \d{1,2} \w+ \d{4}$/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/lacak-own-390.png`, fullPage: true });
    // Nothing wider than the phone's screen, long labels and texts included.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${ARTIFACTS}/lacak-own-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });

    await page.getByRole('button', { name: 'Kirim informasi' }).click();
    await expect(page.locator('#message-error').textContent()).resolves.toMatch(/Tulis informasi/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Informasi tambahan').fill('Sekarang sampahnya juga menutup selokan.');
    await page.getByRole('button', { name: 'Kirim informasi' }).click();
    await page.getByText('Informasi Anda terkirim').waitFor();
    await expect(page.locator('#saya-tambahan').textContent()).resolves.toMatch(/menutup selokan/);
    expect(await axeViolations(page)).toEqual([]);

    const staff = await stack.login('staff.mdn-dlh@demo.suara.id');
    const seen = await graphql(
      stack.url,
      'query($id: ID!) { feedback(id: $id) { followUps { message } photos { width } } }',
      { id: row.id },
      staff,
    );
    expect(seen.data!.feedback).toEqual({
      followUps: [{ message: 'Sekarang sampahnya juga menutup selokan.' }],
      photos: [{ width: 1600 }],
    });

    // Without the secret: status and timeline only, and a place to type the secret.
    await page.goto(`${stack.url}/lacak?kode=${trackingCode}`);
    await page.locator('#hasil').waitFor({ state: 'visible' });
    await expect(page.locator('#isi-saya').isHidden()).resolves.toBe(true);
    await expect(page.getByRole('img').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Tampilkan laporan saya' }).click();
    await expect(page.locator('#rahasia-saya-error').textContent()).resolves.toMatch(
      /Masukkan kode rahasia/,
    );
    await page.getByLabel('Rahasia tanda terima').fill('AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA');
    await page.getByRole('button', { name: 'Tampilkan laporan saya' }).click();
    await waitFor('the wrong secret to be refused', async () =>
      /tidak cocok/.test((await page.locator('#rahasia-saya-error').textContent()) ?? ''),
    );
    await expect(page.locator('#isi-saya').isHidden()).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/lacak-no-secret-390.png`, fullPage: true });
  });

  it('names the photo field for a file that is not a photo and the position for another city', async () => {
    const [{ n: before }] = await stack.sql<{ n: number }>('select count(*)::int n from feedback');
    await fillReport();
    await page.setInputFiles('#photos', [
      {
        name: 'foto.jpg',
        mimeType: 'image/jpeg',
        buffer: Buffer.from('bukan gambar\n'.repeat(50)),
      },
    ]);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const photoError = page.locator('#photos-error');
    await photoError.waitFor({ state: 'visible' });
    await expect(photoError.textContent()).resolves.toMatch(
      /^foto\.jpg: Berkas ini bukan foto JPEG, PNG atau WebP/,
    );
    await expect(page.locator('#photos').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/form-photo-error-390.png`, fullPage: true });

    await page.setInputFiles('#photos', []);
    await page.context().setGeolocation(JAKARTA);
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.getByText(/Titik lokasi tersimpan: -6\.20000/).waitFor();
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const placeError = page.locator('#latitude-error');
    await placeError.waitFor({ state: 'visible' });
    await expect(placeError.textContent()).resolves.toMatch(/^Lokasi berada di luar Kota Medan/);
    expect(await axeViolations(page)).toEqual([]);
    const [{ n: after }] = await stack.sql<{ n: number }>('select count(*)::int n from feedback');
    expect(after).toBe(before);
  });

  it('has the worker delete uploads no report claimed, files included', async () => {
    const form = new FormData();
    form.append('photo', new Blob([new Uint8Array(await phonePhoto(320, 240))]), 'a.jpg');
    const { token } = (await (
      await fetch(`${stack.url}/api/photos`, { method: 'POST', body: form })
    ).json()) as { token: string };
    const [{ storage_key: key }] = await stack.sql<{ storage_key: string }>(
      "update feedback_photo set uploaded_at = now() - interval '2 hours' where upload_token = ? returning storage_key",
      [token],
    );
    expect(existsSync(join(photoDir, key))).toBe(true);
    await waitFor('the sweep', async () => !existsSync(join(photoDir, key)), 15_000, 200);
    expect(await stack.sql('select 1 from feedback_photo where upload_token = ?', [token])).toEqual(
      [],
    );
  });
});
