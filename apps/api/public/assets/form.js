// @ts-check
import { graphql } from './graphql.js';
import { element, settings } from './page.js';

const { maxLength } = settings();
const form = element('form-laporan', HTMLFormElement);
const summary = element('ringkasan-galat', HTMLElement);
const city = element('cityCode', HTMLSelectElement);
const agency = element('agencyCode', HTMLSelectElement);
const text = element('text', HTMLTextAreaElement);
const count = element('text-count', HTMLElement);
const countStatus = element('text-count-status', HTMLElement);
const button = element('kirim', HTMLButtonElement);
// One key per filled form: a double tap or a retry after a lost answer returns the same receipt.
let idempotencyKey = crypto.randomUUID();

/** @type {Record<string, string>} the API's `field` → the input that holds it */
const FIELD_INPUT = {
  cityCode: 'cityCode',
  text: 'text',
  agencyCode: 'agencyCode',
  location: 'location',
  'reporter.name': 'reporter-name',
  'reporter.email': 'reporter-email',
  'reporter.phone': 'reporter-phone',
};

/** @param {number} n */
const number = (n) => n.toLocaleString('id-ID');

// The visible count follows every keystroke; a screen reader hears only when
// the limit nears, once per threshold crossed, not a number per character.
const THRESHOLDS = [100, 50, 0];
let announcedLevel = 0;
text.addEventListener('input', () => {
  const remaining = maxLength.text - text.value.length;
  count.textContent = `${number(text.value.length)} / ${number(maxLength.text)} karakter`;
  const level = THRESHOLDS.filter((t) => remaining <= t).length;
  if (level > announcedLevel)
    countStatus.textContent =
      remaining <= 0
        ? `Batas ${number(maxLength.text)} karakter tercapai.`
        : `Sisa ${number(remaining)} karakter.`;
  announcedLevel = level;
});

/** @typedef {{ code: string, agencies: { code: string, name: string }[] }} City */

city.addEventListener('change', async () => {
  agency.length = 1;
  if (!city.value) return;
  /** @type {import('./graphql.js').GraphQLResult<{ cities: City[] }>} */
  const result = await graphql('query { cities { code agencies { code name } } }');
  const found = (result.data?.cities ?? []).find((c) => c.code === city.value);
  for (const a of found ? found.agencies : []) agency.add(new Option(a.name, a.code));
});

function clearErrors() {
  summary.hidden = true;
  summary.textContent = '';
  for (const el of form.querySelectorAll('.error')) {
    if (!(el instanceof HTMLElement)) continue;
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

/** @param {{ field?: string, message: string }[]} errors */
function showErrors(errors) {
  const list = document.createElement('ul');
  /** @type {HTMLElement | undefined} */
  let first;
  for (const { field, message } of errors) {
    const input = field ? document.getElementById(FIELD_INPUT[field] ?? '') : null;
    const slot = field ? document.getElementById(field + '-error') : null;
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

/** @param {string} id */
const value = (id) => element(id, HTMLInputElement).value.trim() || null;
/** @param {string} id */
const checked = (id) => element(id, HTMLInputElement).checked;

/** @typedef {{ trackingCode: string, citizenSecret: string }} Receipt */

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  const local = localErrors();
  if (local.length) return showErrors(local);
  const kind = form.querySelector('input[name=kind]:checked');
  const input = {
    cityCode: city.value,
    kind: kind instanceof HTMLInputElement ? kind.value : undefined,
    text: text.value,
    agencyCode: agency.value || null,
    location: value('location'),
    reporter: {
      name: value('reporter-name'),
      email: value('reporter-email'),
      phone: value('reporter-phone'),
    },
    anonymous: checked('anonymous'),
    confidential: checked('confidential'),
    idempotencyKey,
  };
  button.disabled = true;
  button.textContent = 'Mengirim…';
  /** @type {import('./graphql.js').GraphQLResult<{ submitFeedback: Receipt }>} */
  const result = await graphql(
    'mutation Submit($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { trackingCode citizenSecret status submittedAt } }',
    { input },
  );
  button.disabled = false;
  button.textContent = 'Kirim laporan';
  if (result.errors?.length || !result.data) {
    return showErrors(
      (result.errors ?? []).map((e) => ({ field: e.extensions?.field, message: e.message })),
    );
  }
  const { trackingCode: code, citizenSecret: secret } = result.data.submitFeedback;
  element('kode-lacak', HTMLOutputElement).textContent = code;
  element('kode-rahasia', HTMLOutputElement).textContent = secret;
  // The secret rides in the fragment: browsers never send it to a server or its logs.
  element('tautan-lacak', HTMLAnchorElement).href =
    '/lacak?kode=' + encodeURIComponent(code) + '#s=' + encodeURIComponent(secret);
  form.hidden = true;
  const receipt = element('tanda-terima', HTMLElement);
  receipt.hidden = false;
  receipt.focus();
  idempotencyKey = crypto.randomUUID();
});

/**
 * @param {string} buttonId
 * @param {string} outputId
 * @param {string} statusId
 * @param {string} done
 * @param {string} what
 */
function copyButton(buttonId, outputId, statusId, done, what) {
  element(buttonId, HTMLButtonElement).addEventListener('click', async () => {
    const copied = element(outputId, HTMLOutputElement).textContent ?? '';
    const status = element(statusId, HTMLElement);
    try {
      await navigator.clipboard.writeText(copied);
      status.textContent = done;
    } catch {
      status.textContent = 'Tidak dapat menyalin otomatis; catat ' + what + ' ' + copied + '.';
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
