(function () {
  const { graphql, STATUS, KIND, formatDate } = window.suara;
  const form = document.getElementById('form-lacak');
  const input = document.getElementById('kode');
  const error = document.getElementById('kode-error');
  const result = document.getElementById('hasil');
  const QUERY = `query Status($code: String!) { feedbackStatus(trackingCode: $code) {
    trackingCode kind status submittedAt agency { name } timeline { status at note } responses { message at } } }`;

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

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', '/lacak?kode=' + encodeURIComponent(input.value.trim()));
    lookUp(input.value);
  });

  const fromLink = new URLSearchParams(location.search).get('kode');
  if (fromLink) {
    input.value = fromLink;
    lookUp(fromLink);
  }
})();
