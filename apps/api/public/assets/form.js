(function () {
  const { graphql } = window.suara;
  const form = document.getElementById('form-laporan');
  const summary = document.getElementById('ringkasan-galat');
  const city = document.getElementById('cityCode');
  const agency = document.getElementById('agencyCode');
  const text = document.getElementById('text');
  const count = document.getElementById('text-count');
  const button = document.getElementById('kirim');
  // One key per filled form: a double tap or a retry after a lost answer returns the same receipt.
  let idempotencyKey = crypto.randomUUID();

  const FIELD_INPUT = {
    cityCode: 'cityCode',
    text: 'text',
    agencyCode: 'agencyCode',
    location: 'location',
    'reporter.name': 'reporter-name',
    'reporter.email': 'reporter-email',
    'reporter.phone': 'reporter-phone',
  };

  text.addEventListener('input', () => {
    count.textContent = text.value.length.toLocaleString('id-ID') + ' / 5.000 karakter';
  });

  city.addEventListener('change', async () => {
    agency.length = 1;
    if (!city.value) return;
    const result = await graphql('query { cities { code agencies { code name } } }');
    const found = (result.data?.cities || []).find((c) => c.code === city.value);
    for (const a of found ? found.agencies : []) agency.add(new Option(a.name, a.code));
  });

  function clearErrors() {
    summary.hidden = true;
    summary.textContent = '';
    for (const el of form.querySelectorAll('.error')) {
      el.hidden = true;
      el.textContent = '';
    }
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  }

  function showErrors(errors) {
    const list = document.createElement('ul');
    let first;
    for (const { field, message } of errors) {
      const input = field && document.getElementById(FIELD_INPUT[field]);
      const slot = field && document.getElementById(field + '-error');
      if (input && slot) {
        slot.textContent = message;
        slot.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        first = first || input;
      }
      const item = document.createElement('li');
      if (input) {
        const link = document.createElement('a');
        link.href = '#' + input.id;
        link.textContent = message;
        item.appendChild(link);
      } else {
        item.textContent = message;
      }
      list.appendChild(item);
    }
    const heading = document.createElement('p');
    heading.textContent = 'Laporan belum terkirim. Periksa isian berikut:';
    summary.replaceChildren(heading, list);
    summary.hidden = false;
    summary.focus();
  }

  function localErrors() {
    const errors = [];
    if (!city.value)
      errors.push({
        field: 'cityCode',
        message: 'Pilih kota/kabupaten tempat layanan yang Anda laporkan.',
      });
    if (!text.value.trim())
      errors.push({
        field: 'text',
        message: 'Isi laporan tidak boleh kosong. Ceritakan apa yang terjadi.',
      });
    return errors;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const local = localErrors();
    if (local.length) return showErrors(local);
    const value = (id) => document.getElementById(id).value.trim() || null;
    const input = {
      cityCode: city.value,
      kind: form.querySelector('input[name=kind]:checked').value,
      text: text.value,
      agencyCode: value('agencyCode'),
      location: value('location'),
      reporter: {
        name: value('reporter-name'),
        email: value('reporter-email'),
        phone: value('reporter-phone'),
      },
      anonymous: document.getElementById('anonymous').checked,
      confidential: document.getElementById('confidential').checked,
      idempotencyKey,
    };
    button.disabled = true;
    button.textContent = 'Mengirim…';
    const result = await graphql(
      'mutation Submit($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { trackingCode citizenSecret status submittedAt } }',
      { input },
    );
    button.disabled = false;
    button.textContent = 'Kirim laporan';
    if (result.errors?.length) {
      return showErrors(
        result.errors.map((e) => ({ field: e.extensions?.field, message: e.message })),
      );
    }
    const { trackingCode: code, citizenSecret: secret } = result.data.submitFeedback;
    document.getElementById('kode-lacak').textContent = code;
    document.getElementById('kode-rahasia').textContent = secret;
    // The secret rides in the fragment: browsers never send it to a server or its logs.
    document.getElementById('tautan-lacak').href =
      '/lacak?kode=' + encodeURIComponent(code) + '#s=' + encodeURIComponent(secret);
    form.hidden = true;
    const receipt = document.getElementById('tanda-terima');
    receipt.hidden = false;
    receipt.focus();
    idempotencyKey = crypto.randomUUID();
  });

  function copyButton(buttonId, outputId, statusId, done, what) {
    document.getElementById(buttonId).addEventListener('click', async () => {
      const value = document.getElementById(outputId).textContent;
      const status = document.getElementById(statusId);
      try {
        await navigator.clipboard.writeText(value);
        status.textContent = done;
      } catch {
        status.textContent = 'Tidak dapat menyalin otomatis; catat ' + what + ' ' + value + '.';
      }
    });
  }
  copyButton('salin', 'kode-lacak', 'salin-status', 'Kode disalin.', 'kode');
  copyButton(
    'salin-rahasia',
    'kode-rahasia',
    'salin-rahasia-status',
    'Kode rahasia disalin.',
    'kode rahasia',
  );
})();
