import { CitizenNotice } from '@suara/intake';

export interface MessageFacts {
  notice: CitizenNotice;
  trackingCode: string;
  /** The agency now responsible, if any. */
  agencyName?: string;
  at: Date;
  statusUrl: string;
  stopUrl: string;
}

const WHEN = new Intl.DateTimeFormat('id-ID', {
  timeZone: 'Asia/Jakarta',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** What happened, in one sentence the subject line can carry too. */
function headline(f: MessageFacts): { subject: string; body: string } {
  const agency = f.agencyName ?? 'instansi terkait';
  const Agency = f.agencyName ?? 'Instansi terkait';
  switch (f.notice) {
    case CitizenNotice.ROUTED:
      return {
        subject: 'diteruskan ke instansi',
        body: `Laporan Anda sudah diteruskan ke ${agency}, yang akan menindaklanjutinya.`,
      };
    case CitizenNotice.ANSWERED:
      return {
        subject: 'ada tanggapan instansi',
        body: `${Agency} menanggapi laporan Anda. Tanggapannya dapat dibaca di halaman lacak.`,
      };
    case CitizenNotice.RESOLVED:
      return {
        subject: 'selesai ditangani',
        body:
          `${Agency} menyatakan laporan Anda selesai ditangani. Beri nilai jawabannya di halaman ` +
          'lacak dengan kode rahasia dari tanda terima Anda.',
      };
    case CitizenNotice.REOPENED:
      return {
        subject: 'dibuka kembali',
        body: `Laporan Anda dibuka kembali; ${agency} akan menindaklanjutinya lagi.`,
      };
    case CitizenNotice.MERGED:
      return {
        subject: 'digabung dengan laporan lain',
        body:
          'Laporan Anda digabung dengan laporan lain tentang masalah yang sama. ' +
          'Perkembangannya mengikuti laporan tersebut dan tetap tampil di halaman lacak Anda.',
      };
    case CitizenNotice.CLOSED:
      return {
        subject: 'ditutup',
        body: 'Laporan Anda sudah ditutup. Terima kasih telah menyampaikannya lewat Suara.',
      };
    case CitizenNotice.REJECTED:
      return {
        subject: 'tidak dapat ditindaklanjuti',
        body: 'Laporan Anda tidak dapat ditindaklanjuti. Alasannya dapat dibaca di halaman lacak.',
      };
  }
}

/**
 * The message to a citizen, in Indonesian. It names no one: not the citizen
 * (the message may be forwarded; the greeting needs no name) and not the staff.
 * It carries the tracking code and its status link, never the receipt's secret:
 * mail is forwarded, shared and kept in mailboxes for years, and the secret
 * lets whoever holds it act as the citizen. The citizen still has it on the receipt.
 */
export function composeMessage(f: MessageFacts): { subject: string; text: string } {
  const { subject, body } = headline(f);
  return {
    subject: `Laporan ${f.trackingCode}: ${subject}`,
    text: [
      'Yth. Pelapor,',
      '',
      body,
      '',
      `Kode lacak: ${f.trackingCode}`,
      `Waktu: ${WHEN.format(f.at)} WIB`,
      '',
      'Lihat status dan riwayat laporan Anda:',
      f.statusUrl,
      '',
      'Salam,',
      'Suara',
      '',
      '--',
      'Anda menerima e-mail ini karena mencantumkan alamat e-mail saat mengirim laporan.',
      'Tidak ingin menerima kabar lagi tentang laporan ini? Buka tautan berikut:',
      f.stopUrl,
      '',
    ].join('\n'),
  };
}
