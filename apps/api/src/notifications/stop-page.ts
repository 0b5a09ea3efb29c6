/** The stop page's three states, rendered on the server: it works without scripts. */

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Suara: ${escape(title)}</title>
    <link rel="stylesheet" href="/assets/suara.css" />
  </head>
  <body>
    <a class="skip" href="#isi">Langsung ke isi</a>
    <header>
      <p class="brand">Suara</p>
      <nav aria-label="Menu utama"><a href="/">Kirim laporan</a> <a href="/lacak">Lacak laporan</a></nav>
    </header>
    <main id="isi">
      <h1>${escape(title)}</h1>
${body}
    </main>
  </body>
</html>
`;
}

/** The link from the e-mail: a button, because mail scanners open links and must not stop anything. */
export function stopOffer(token: string): string {
  return page(
    'Berhenti menerima kabar laporan',
    `      <p>Tekan tombol di bawah agar Suara tidak lagi mengirim e-mail tentang laporan ini.</p>
      <p>Laporan Anda tetap ditindaklanjuti, dan statusnya tetap dapat dilihat di halaman lacak.</p>
      <form method="post" action="/berhenti?token=${escape(encodeURIComponent(token))}">
        <button type="submit">Berhenti menerima kabar</button>
      </form>`,
  );
}

export function stopDone(): string {
  return page(
    'Anda tidak akan menerima kabar lagi',
    `      <p role="status">Suara tidak akan mengirim e-mail lagi tentang laporan ini.</p>
      <p>Laporan Anda tetap ditindaklanjuti. Ikuti perkembangannya di halaman
        <a href="/lacak">Lacak laporan</a> dengan kode lacak dari tanda terima Anda.</p>`,
  );
}

export function stopRefused(message: string): string {
  return page('Tautan tidak dapat dipakai', `      <p role="alert">${escape(message)}</p>`);
}
