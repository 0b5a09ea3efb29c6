// @ts-check
import { graphql } from './graphql.js';
import { element, settings } from './page.js';

const { maxLength, photos: photoLimits } = settings();
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
  latitude: 'lokasi-saya',
  longitude: 'lokasi-saya',
  photos: 'photos',
  photoTokens: 'photos',
};

const locate = element('lokasi-saya', HTMLButtonElement);
const forget = element('hapus-lokasi', HTMLButtonElement);
const locateStatus = element('lokasi-status', HTMLElement);
/** @type {{ latitude: number, longitude: number } | null} */
let coordinates = null;

locate.addEventListener('click', () => {
  if (!('geolocation' in navigator)) {
    locateStatus.textContent =
      'Perangkat ini tidak dapat memberi lokasi. Tulis lokasinya di kolom Lokasi.';
    return;
  }
  locateStatus.textContent = 'Mencari lokasi Anda…';
  navigator.geolocation.getCurrentPosition(
    (position) => {
      const { latitude, longitude, accuracy } = position.coords;
      coordinates = { latitude, longitude };
      locateStatus.textContent =
        `Titik lokasi tersimpan: ${latitude.toFixed(5)}, ${longitude.toFixed(5)}` +
        ` (ketepatan ± ${Math.round(accuracy)} m).`;
      forget.hidden = false;
    },
    (failure) => {
      coordinates = null;
      locateStatus.textContent =
        failure.code === failure.PERMISSION_DENIED
          ? 'Izin lokasi ditolak. Tulis lokasinya di kolom Lokasi.'
          : 'Lokasi tidak dapat ditemukan saat ini. Tulis lokasinya di kolom Lokasi.';
    },
    { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
  );
});
forget.addEventListener('click', () => {
  coordinates = null;
  forget.hidden = true;
  locateStatus.textContent = 'Titik lokasi dihapus.';
  locate.focus();
});

const photoInput = element('photos', HTMLInputElement);
const photoList = element('daftar-foto', HTMLUListElement);
// Each chosen file is uploaded once: a retry after an error elsewhere reuses its token.
/** @type {Map<File, string>} */
let uploaded = new Map();

photoInput.addEventListener('change', () => {
  uploaded = new Map();
  photoList.replaceChildren(
    ...[...(photoInput.files ?? [])].map((file) => {
      const li = document.createElement('li');
      li.textContent = `${file.name} (${megabytes(file.size)})`;
      return li;
    }),
  );
});

/** @param {number} bytes */
const megabytes = (bytes) =>
  bytes < 1024 * 1024
    ? Math.ceil(bytes / 1024).toLocaleString('id-ID') + ' KB'
    : (bytes / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 }) + ' MB';

/** What the browser already knows is wrong with the chosen photos. */
function photoErrors() {
  const files = [...(photoInput.files ?? [])];
  if (files.length > photoLimits.max)
    return [
      {
        field: 'photos',
        message: `Foto terlalu banyak: paling banyak ${photoLimits.max} foto per laporan.`,
      },
    ];
  const large = files.find((f) => f.size > photoLimits.maxBytes);
  if (large)
    return [
      {
        field: 'photos',
        message: `Foto ${large.name} terlalu besar (${megabytes(large.size)}): paling besar ${megabytes(photoLimits.maxBytes)} per foto.`,
      },
    ];
  return [];
}

/**
 * Uploads the chosen photos not yet uploaded; the tokens, or the first refusal.
 * @returns {Promise<{ tokens: string[] } | { error: { field: string, message: string } }>}
 */
async function uploadPhotos() {
  const tokens = [];
  for (const file of photoInput.files ?? []) {
    let token = uploaded.get(file);
    if (!token) {
      const body = new FormData();
      body.append('photo', file, file.name);
      try {
        const response = await fetch('/api/photos', { method: 'POST', body });
        const answer = await response.json();
        if (!response.ok)
          return { error: { field: 'photos', message: `${file.name}: ${answer.message}` } };
        token = /** @type {string} */ (answer.token);
        uploaded.set(file, token);
      } catch {
        return {
          error: {
            field: 'photos',
            message: 'Foto tidak dapat diunggah. Periksa koneksi internet Anda lalu coba lagi.',
          },
        };
      }
    }
    tokens.push(token);
  }
  return { tokens };
}

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
  const local = [...localErrors(), ...photoErrors()];
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
    latitude: coordinates?.latitude ?? null,
    longitude: coordinates?.longitude ?? null,
  };
  button.disabled = true;
  button.textContent = photoInput.files?.length ? 'Mengunggah foto…' : 'Mengirim…';
  const photos = await uploadPhotos();
  if ('error' in photos) {
    button.disabled = false;
    button.textContent = 'Kirim laporan';
    return showErrors([photos.error]);
  }
  button.textContent = 'Mengirim…';
  /** @type {import('./graphql.js').GraphQLResult<{ submitFeedback: Receipt }>} */
  const result = await graphql(
    'mutation Submit($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { trackingCode citizenSecret status submittedAt } }',
    { input: { ...input, photoTokens: photos.tokens } },
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
