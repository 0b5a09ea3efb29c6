// @ts-check
import { graphql } from './graphql.js';
import { element } from './page.js';

const form = element('form-hapus', HTMLFormElement);
const code = element('kode', HTMLInputElement);
const secret = element('rahasia', HTMLInputElement);
const result = element('hasil', HTMLElement);
const ERASE = `mutation Erase($code: String!, $secret: String) {
  eraseMyContact(trackingCode: $code, citizenSecret: $secret) { trackingCode erased } }`;

/** @type {Record<string, HTMLInputElement>} */
const FIELDS = { trackingCode: code, citizenSecret: secret };

// A link from the receipt carries the secret in the fragment, which browsers never send.
const linked = new URLSearchParams(location.hash.slice(1));
if (linked.get('s')) secret.value = linked.get('s') ?? '';
if (linked.get('k')) code.value = linked.get('k') ?? '';
if (location.hash) history.replaceState(null, '', location.pathname);

function clearErrors() {
  for (const input of Object.values(FIELDS)) {
    input.removeAttribute('aria-invalid');
    element(`${input.id}-error`, HTMLElement).hidden = true;
  }
}

/**
 * @param {HTMLInputElement} input
 * @param {string} message
 */
function fieldError(input, message) {
  const error = element(`${input.id}-error`, HTMLElement);
  error.textContent = message;
  error.hidden = false;
  input.setAttribute('aria-invalid', 'true');
  input.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  result.hidden = true;
  if (!code.value.trim()) return fieldError(code, 'Masukkan kode lacak laporan Anda.');
  if (!secret.value.trim())
    return fieldError(secret, 'Masukkan kode rahasia dari tanda terima laporan Anda.');
  /** @type {import('./graphql.js').GraphQLResult<{ eraseMyContact: { trackingCode: string, erased: boolean } }>} */
  const res = await graphql(ERASE, { code: code.value.trim(), secret: secret.value.trim() });
  const [problem] = res.errors ?? [];
  if (problem) {
    const input = FIELDS[problem.extensions?.field ?? ''] ?? code;
    return fieldError(input, problem.message);
  }
  const done = res.data?.eraseMyContact;
  if (!done) return fieldError(code, 'Server sedang bermasalah. Silakan coba lagi sebentar lagi.');
  result.textContent = done.erased
    ? `Data kontak Anda sudah dihapus dari laporan ${done.trackingCode}. Laporan tetap ditangani sebagai laporan anonim.`
    : `Laporan ${done.trackingCode} sudah tidak menyimpan data kontak Anda. Tidak ada yang perlu dihapus.`;
  result.hidden = false;
  form.reset();
  result.focus();
});
