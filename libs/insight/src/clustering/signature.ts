import { stem, tokens } from '@suara/indonesian-text';

/**
 * Words that name the channel or the act of complaining rather than the problem:
 * every complaint has them, so they would make unrelated complaints look alike.
 */
const FILLER = new Set(
  `sampai menyampaikan sampaikan keluh mengeluh mengeluhkan lapor laporan melapor warga
  desa kota kabupaten pemko pemkab dinas kantor mohon tolong segera terima kasih
  angka hari minggu bulan tahun jam pagi siang sore malam kali sekarang tidak belum sudah bapak ibu
  saya kami kita anak orang datang bilang kata katanya tanya mau ingin apa bagaimana kapan mengapa`
    .split(/\s+/)
    .filter(Boolean)
    .map(stem),
);

/** The distinct stemmed content words of a text: what clustering compares. */
export function clusterTerms(text: string): string[] {
  return [...new Set(tokens(text).filter((t) => !FILLER.has(t) && t.length > 2))];
}
