// @ts-check
import { graphql } from './graphql.js';
import { element, formatDate, settings } from './page.js';
import { describeStep } from './timeline.js';

const { statusLabels, kindLabels } = settings();
const form = element('form-lacak', HTMLFormElement);
const input = element('kode', HTMLInputElement);
const error = element('kode-error', HTMLElement);
const result = element('hasil', HTMLElement);
const QUERY = `query Status($code: String!) { feedbackStatus(trackingCode: $code) {
  trackingCode kind status submittedAt merged canRate agency { name } timeline { status at note } responses { message at } } }`;
const RATE = `mutation Rate($code: String!, $secret: String, $score: Int!, $comment: String) {
  rateResolution(trackingCode: $code, citizenSecret: $secret, score: $score, comment: $comment) {
    status } }`;
const rating = element('form-nilai', HTMLFormElement);
const ratingError = element('nilai-error', HTMLElement);
const rated = element('nilai-terkirim', HTMLElement);
const secret = element('rahasia', HTMLInputElement);
const secretError = element('rahasia-error', HTMLElement);
const openForm = element('form-buka', HTMLFormElement);
const ownSecret = element('rahasia-saya', HTMLInputElement);
const ownSecretError = element('rahasia-saya-error', HTMLElement);
const own = element('isi-saya', HTMLElement);
const addForm = element('form-tambah', HTMLFormElement);
const addMessage = element('tambahan-pesan', HTMLTextAreaElement);
const addError = element('message-error', HTMLElement);
const added = element('tambahan-terkirim', HTMLElement);
const MINE = `query Mine($code: String!, $secret: String!) {
  myFeedback(trackingCode: $code, citizenSecret: $secret) {
    text location latitude longitude nextStepDueAt
    photos { url width height } followUps { message at } } }`;
const ADD = `mutation Add($code: String!, $secret: String!, $message: String!) {
  addToFeedback(trackingCode: $code, citizenSecret: $secret, message: $message) { message at } }`;
let shownCode = '';

/**
 * @typedef {object} FeedbackStatus
 * @property {string} trackingCode
 * @property {string} kind
 * @property {string} status
 * @property {string} submittedAt
 * @property {boolean} merged
 * @property {boolean} canRate
 * @property {{ name: string } | null} agency
 * @property {{ status: string, at: string, note?: string | null }[]} timeline
 * @property {{ message: string, at: string }[]} responses
 */

/** @param {string} status */
const statusLabel = (status) => statusLabels[status] ?? status;

// The receipt's link carries the secret in the fragment (#s=…), which browsers
// never send to the server; it fills the rating form and leaves the address bar.
function takeSecretFromLink() {
  const linked = new URLSearchParams(location.hash.slice(1)).get('s');
  if (!linked) return;
  secret.value = linked;
  ownSecret.value = linked;
  history.replaceState(null, '', location.pathname + location.search);
}
takeSecretFromLink();
// The receipt's link opened in a tab already showing this page changes only the fragment.
window.addEventListener('hashchange', takeSecretFromLink);

/** @param {string} message */
function fail(message) {
  result.hidden = true;
  error.textContent = message;
  error.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.focus();
}

/**
 * @param {HTMLElement} list
 * @param {string} title
 * @param {string} [detail]
 */
function item(list, title, detail) {
  const li = document.createElement('li');
  const strong = document.createElement('strong');
  strong.textContent = title;
  li.appendChild(strong);
  if (detail) li.appendChild(document.createTextNode(' ' + detail));
  list.appendChild(li);
}

/**
 * @param {HTMLElement} list
 * @param {{ status: string, at: string, note?: string | null }} step
 */
function timelineItem(list, step) {
  const { title, detail } = describeStep(statusLabel(step.status), step.note);
  const li = document.createElement('li');
  const time = document.createElement('time');
  time.dateTime = step.at;
  time.textContent = formatDate(step.at);
  const strong = document.createElement('strong');
  strong.textContent = title;
  li.append(time, document.createElement('br'), strong);
  if (detail) {
    const note = document.createElement('span');
    note.className = 'note';
    note.textContent = detail;
    li.append(document.createElement('br'), note);
  }
  list.appendChild(li);
}

/** @param {string} id @param {string} text */
const show = (id, text) => {
  element(id, HTMLElement).textContent = text;
};

/** @param {string} code */
async function lookUp(code) {
  error.hidden = true;
  rated.hidden = true;
  input.removeAttribute('aria-invalid');
  if (!code.trim()) return fail('Masukkan kode lacak yang Anda terima saat mengirim laporan.');
  /** @type {import('./graphql.js').GraphQLResult<{ feedbackStatus: FeedbackStatus | null }>} */
  const res = await graphql(QUERY, { code });
  if (res.errors?.length) return fail(res.errors[0].message);
  const s = res.data?.feedbackStatus;
  if (!s)
    return fail(
      'Kode lacak tidak ditemukan. Periksa kembali penulisannya (10 huruf/angka, tanpa huruf O dan I).',
    );
  show('status', statusLabel(s.status));
  show('hasil-kode', s.trackingCode);
  show('jenis', kindLabels[s.kind] ?? s.kind);
  show('dikirim', formatDate(s.submittedAt));
  show('instansi', s.agency ? s.agency.name : 'Belum ditentukan');
  const merged = element('gabungan', HTMLElement);
  merged.hidden = !s.merged;
  merged.textContent = s.merged
    ? 'Laporan Anda digabung dengan laporan lain tentang masalah yang sama; status dan tanggapan di bawah mengikuti laporan tersebut.'
    : '';
  shownCode = s.trackingCode;
  rating.hidden = !s.canRate;
  ratingError.hidden = true;
  secretError.hidden = true;
  secret.removeAttribute('aria-invalid');
  const timeline = element('riwayat', HTMLOListElement);
  timeline.replaceChildren();
  for (const step of s.timeline) timelineItem(timeline, step);
  const responses = element('tanggapan', HTMLUListElement);
  responses.replaceChildren();
  if (!s.responses.length) item(responses, 'Belum ada tanggapan.');
  for (const r of s.responses) item(responses, formatDate(r.at) + ':', r.message);
  result.hidden = false;
  own.hidden = true;
  openForm.hidden = false;
  ownSecretError.hidden = true;
  ownSecret.removeAttribute('aria-invalid');
  if (ownSecret.value.trim()) await showOwn();
  result.focus();
}

/**
 * @typedef {object} OwnReport
 * @property {string} text
 * @property {string | null} location
 * @property {number | null} latitude
 * @property {number | null} longitude
 * @property {string | null} nextStepDueAt
 * @property {{ url: string, width: number, height: number }[]} photos
 * @property {{ message: string, at: string }[]} followUps
 */

/** @param {string} iso */
const formatDay = (iso) =>
  new Date(iso).toLocaleDateString('id-ID', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/** The citizen's own report, when the secret proves it is theirs. */
async function showOwn() {
  /** @type {import('./graphql.js').GraphQLResult<{ myFeedback: OwnReport }>} */
  const res = await graphql(MINE, { code: shownCode, secret: ownSecret.value.trim() });
  const mine = res.data?.myFeedback;
  if (!mine) {
    ownSecretError.textContent = res.errors?.[0]?.message ?? '';
    ownSecretError.hidden = false;
    ownSecret.setAttribute('aria-invalid', 'true');
    return false;
  }
  // The same secret rates the answer: the citizen types it once.
  secret.value = ownSecret.value;
  show('saya-teks', mine.text);
  const place = [mine.location];
  if (mine.latitude !== null && mine.longitude !== null)
    place.push(`titik ${mine.latitude.toFixed(5)}, ${mine.longitude.toFixed(5)}`);
  show('saya-lokasi', place.filter(Boolean).join('; ') || 'Tidak diisi');
  show(
    'saya-batas',
    mine.nextStepDueAt ? formatDay(mine.nextStepDueAt) : 'Tidak ada langkah yang masih ditunggu.',
  );
  const photos = element('saya-foto', HTMLUListElement);
  photos.replaceChildren();
  if (!mine.photos.length) item(photos, 'Tanpa foto.');
  mine.photos.forEach((photo, i) => {
    const li = document.createElement('li');
    const img = document.createElement('img');
    img.src = photo.url;
    img.width = photo.width;
    img.height = photo.height;
    img.alt = `Foto ${i + 1} dari ${mine.photos.length} yang Anda kirim`;
    li.appendChild(img);
    photos.appendChild(li);
  });
  const followUps = element('saya-tambahan', HTMLUListElement);
  followUps.replaceChildren();
  if (!mine.followUps.length) item(followUps, 'Belum ada.');
  for (const f of mine.followUps) item(followUps, formatDate(f.at) + ':', f.message);
  openForm.hidden = true;
  own.hidden = false;
  return true;
}

openForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  ownSecretError.hidden = true;
  ownSecretError.textContent = '';
  ownSecret.removeAttribute('aria-invalid');
  if (!ownSecret.value.trim()) {
    ownSecretError.textContent = 'Masukkan kode rahasia dari tanda terima laporan Anda.';
    ownSecretError.hidden = false;
    ownSecret.setAttribute('aria-invalid', 'true');
    ownSecret.focus();
    return;
  }
  if (await showOwn()) element('milik-judul', HTMLElement).scrollIntoView();
  else ownSecret.focus();
});

addForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  addError.hidden = true;
  added.textContent = '';
  addMessage.removeAttribute('aria-invalid');
  /** @param {string} message */
  const refuse = (message) => {
    addError.textContent = message;
    addError.hidden = false;
    addMessage.setAttribute('aria-invalid', 'true');
    addMessage.focus();
  };
  if (!addMessage.value.trim()) return refuse('Tulis informasi yang ingin Anda tambahkan.');
  /** @type {import('./graphql.js').GraphQLResult<{ addToFeedback: { message: string, at: string } }>} */
  const res = await graphql(ADD, {
    code: shownCode,
    secret: ownSecret.value.trim(),
    message: addMessage.value,
  });
  if (!res.data?.addToFeedback) return refuse(res.errors?.[0]?.message ?? '');
  addMessage.value = '';
  await showOwn();
  added.textContent = 'Informasi Anda terkirim ke petugas yang menangani laporan.';
});

rating.addEventListener('submit', async (event) => {
  event.preventDefault();
  const chosen = rating.querySelector('input[name="nilai"]:checked');
  if (!(chosen instanceof HTMLInputElement)) {
    ratingError.textContent = 'Pilih nilai 1 sampai 5.';
    ratingError.hidden = false;
    const firstChoice = rating.querySelector('input[name="nilai"]');
    if (firstChoice instanceof HTMLInputElement) firstChoice.focus();
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
  const comment = element('komentar', HTMLTextAreaElement).value.trim();
  /** @type {import('./graphql.js').GraphQLResult<{ rateResolution: { status: string } }>} */
  const res = await graphql(RATE, {
    code: shownCode,
    secret: secret.value.trim(),
    score: Number(chosen.value),
    comment: comment || null,
  });
  if (res.errors?.length || !res.data) {
    const [first] = res.errors ?? [];
    const slot = first?.extensions?.field === 'citizenSecret' ? secretError : ratingError;
    slot.textContent = first?.message ?? '';
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

const fromLink = new URLSearchParams(location.search).get('kode');

form.addEventListener('submit', (event) => {
  event.preventDefault();
  // Another report's secret is never this one's.
  /** @param {string} code */
  const compact = (code) => code.toUpperCase().replace(/[\s-]/g, '');
  if (compact(input.value) !== compact(shownCode || fromLink || '')) {
    secret.value = '';
    ownSecret.value = '';
  }
  history.replaceState(null, '', '/lacak?kode=' + encodeURIComponent(input.value.trim()));
  lookUp(input.value);
});

if (fromLink) {
  input.value = fromLink;
  lookUp(fromLink);
}
