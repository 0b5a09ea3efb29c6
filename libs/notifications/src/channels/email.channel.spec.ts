import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SuaraConfig } from '@suara/core';
import { EmailChannel } from './email.channel.js';

/** Without SMTP_URL, development keeps each message as a file a developer can open. */
describe('EmailChannel without SMTP_URL', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'suara-mail-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one .eml file per notice to MAIL_OUTBOX_DIR, a repeat overwriting it', async () => {
    const channel = new EmailChannel(
      SuaraConfig.fromEnvironment({ SMTP_URL: '', MAIL_OUTBOX_DIR: join(dir, 'var', 'mail') }),
    );
    const message = {
      key: 'notify:0b5c8f3e-1d2a-4c6b-9e7f-a1b2c3d4e5f6:3',
      subject: 'Laporan ABCDE-23456: ditutup',
      text: 'Yth. Pelapor,\n\nLaporan Anda sudah ditutup.\n',
      statusUrl: 'http://localhost:3000/lacak?kode=ABCDE-23456',
      stopUrl: 'http://localhost:3000/berhenti?token=t',
      at: new Date('2026-11-30T09:15:00Z'),
    };
    await channel.send('warga@contoh.id', message);
    await channel.send('warga@contoh.id', message);
    const files = await readdir(join(dir, 'var', 'mail'));
    expect(files).toEqual(['20261130T091500-notify-0b5c8f3e-1d2a-4c6b-9e7f-a1b2c3d4e5f6-3.eml']);
    const eml = await readFile(join(dir, 'var', 'mail', files[0]), 'utf8');
    expect(eml).toContain('Subject: Laporan ABCDE-23456: ditutup');
    expect(eml).toContain('To: warga@contoh.id');
    expect(eml).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(eml).toContain('Laporan Anda sudah ditutup.');
  });
});
