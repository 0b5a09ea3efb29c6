/**
 * The header and footer every citizen page shares, written once; the current
 * page's link carries aria-current so screen readers say where the citizen is.
 */
const MAIN_LINKS = [
  ['/', 'Kirim laporan'],
  ['/lacak', 'Lacak laporan'],
] as const;

const OTHER_LINKS = [
  ['/privasi', 'Privasi'],
  ['/data-saya', 'Hapus data kontak saya'],
  ['/statistik', 'Statistik instansi'],
  ['/laporan', 'Laporan publik'],
] as const;

const links = (list: readonly (readonly [string, string])[], current: string, indent: string) =>
  list
    .map(
      ([href, label]) =>
        `${indent}<a href="${href}"${href === current ? ' aria-current="page"' : ''}>${label}</a>`,
    )
    .join('\n');

export function siteHeader(current: string): string {
  return [
    '<header>',
    '      <p class="brand">Suara</p>',
    '      <nav aria-label="Menu utama">',
    links(MAIN_LINKS, current, '        '),
    '      </nav>',
    '    </header>',
  ].join('\n');
}

export function siteFooter(current: string): string {
  return [
    '<footer>',
    '      <p>Suara, layanan aspirasi dan pengaduan warga.</p>',
    '      <nav aria-label="Tautan lain">',
    links(OTHER_LINKS, current, '        '),
    '      </nav>',
    '    </footer>',
  ].join('\n');
}
