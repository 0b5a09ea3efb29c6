(function () {
  const { graphql, STATUS, KIND, formatDate } = window.suara;
  const form = document.getElementById('form-lacak');
  const input = document.getElementById('kode');
  const error = document.getElementById('kode-error');
  const result = document.getElementById('hasil');
  const QUERY = `query Status($code: String!) { feedbackStatus(trackingCode: $code) {
    trackingCode kind status submittedAt merged canRate agency { name } timeline { status at note } responses { message at } } }`;
  const RATE = `mutation Rate($code: String!, $secret: String, $score: Int!, $comment: String) {
    rateResolution(trackingCode: $code, citizenSecret: $secret, score: $score, comment: $comment) {
      status } }`;
  const rating = document.getElementById('form-nilai');
  const ratingError = document.getElementById('nilai-error');
  const rated = document.getElementById('nilai-terkirim');
  const secret = document.getElementById('rahasia');
  const secretError = document.getElementById('rahasia-error');
  let shownCode = '';
  // The receipt's link carries the secret in the fragment (#s=…), which browsers
  // never send to the server; it fills the rating form and leaves the address bar.
  function takeSecretFromLink() {
    const linked = new URLSearchParams(location.hash.slice(1)).get('s');
    if (!linked) return;
    secret.value = linked;
    history.replaceState(null, '', location.pathname + location.search);
  }
  takeSecretFromLink();
  // The receipt's link opened in a tab already showing this page changes only the fragment.
  window.addEventListener('hashchange', takeSecretFromLink);

  function fail(message) {
    result.hidden = true;
    error.textContent = message;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }

  function item(list, title, detail) {
    const li = document.createElement('li');
    const strong = document.createElement('strong');
    strong.textContent = title;
    li.appendChild(strong);
    if (detail) li.appendChild(document.createTextNode(' ' + detail));
    list.appendChild(li);
  }

  async function lookUp(code) {
    error.hidden = true;
    rated.hidden = true;
    input.removeAttribute('aria-invalid');
    if (!code.trim()) return fail('Masukkan kode lacak yang Anda terima saat mengirim laporan.');
    const res = await graphql(QUERY, { code });
    if (res.errors?.length) return fail(res.errors[0].message);
    const s = res.data.feedbackStatus;
    if (!s)
      return fail(
        'Kode lacak tidak ditemukan. Periksa kembali penulisannya (10 huruf/angka, tanpa huruf O dan I).',
      );
    document.getElementById('status').textContent = STATUS[s.status] || s.status;
    document.getElementById('hasil-kode').textContent = s.trackingCode;
    document.getElementById('jenis').textContent = KIND[s.kind] || s.kind;
    document.getElementById('dikirim').textContent = formatDate(s.submittedAt);
    document.getElementById('instansi').textContent = s.agency ? s.agency.name : 'Belum ditentukan';
    const merged = document.getElementById('gabungan');
    merged.hidden = !s.merged;
    merged.textContent = s.merged
      ? 'Laporan Anda digabung dengan laporan lain tentang masalah yang sama; status dan tanggapan di bawah mengikuti laporan tersebut.'
      : '';
    shownCode = s.trackingCode;
    rating.hidden = !s.canRate;
    ratingError.hidden = true;
    secretError.hidden = true;
    secret.removeAttribute('aria-invalid');
    const timeline = document.getElementById('riwayat');
    timeline.replaceChildren();
    for (const t of s.timeline)
      item(timeline, formatDate(t.at) + ': ' + (STATUS[t.status] || t.status), t.note || '');
    const responses = document.getElementById('tanggapan');
    responses.replaceChildren();
    if (!s.responses.length) item(responses, 'Belum ada tanggapan.');
    for (const r of s.responses) item(responses, formatDate(r.at) + ':', r.message);
    result.hidden = false;
    result.focus();
  }

  rating.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = rating.querySelector('input[name="nilai"]:checked');
    if (!chosen) {
      ratingError.textContent = 'Pilih nilai 1 sampai 5.';
      ratingError.hidden = false;
      rating.querySelector('input[name="nilai"]').focus();
      return;
    }
    secretError.hidden = true;
    secret.removeAttribute('aria-invalid');
    if (!secret.value.trim()) {
      secretError.textContent =
        'Masukkan kode rahasia dari tanda terima laporan Anda. Hanya pengirim laporan yang dapat memberi nilai.';
      secretError.hidden = false;
      secret.setAttribute('aria-invalid', 'true');
      secret.focus();
      return;
    }
    const comment = document.getElementById('komentar').value.trim();
    const res = await graphql(RATE, {
      code: shownCode,
      secret: secret.value.trim(),
      score: Number(chosen.value),
      comment: comment || null,
    });
    if (res.errors?.length) {
      const [first] = res.errors;
      const slot = first.extensions?.field === 'citizenSecret' ? secretError : ratingError;
      slot.textContent = first.message;
      slot.hidden = false;
      if (slot === secretError) {
        secret.setAttribute('aria-invalid', 'true');
        secret.focus();
      }
      return;
    }
    await lookUp(shownCode);
    rated.textContent =
      res.data.rateResolution.status === 'IN_PROGRESS'
        ? 'Terima kasih. Laporan dibuka kembali dan akan ditindaklanjuti lagi oleh instansi.'
        : 'Terima kasih atas penilaian Anda. Laporan ditutup.';
    rated.hidden = false;
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Another report's secret is never this one's.
    const compact = (code) => code.toUpperCase().replace(/[\s-]/g, '');
    if (compact(input.value) !== compact(shownCode || fromLink || '')) secret.value = '';
    history.replaceState(null, '', '/lacak?kode=' + encodeURIComponent(input.value.trim()));
    lookUp(input.value);
  });

  const fromLink = new URLSearchParams(location.search).get('kode');
  if (fromLink) {
    input.value = fromLink;
    lookUp(fromLink);
  }
})();
