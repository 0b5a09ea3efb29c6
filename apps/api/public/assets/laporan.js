// @ts-check
import { graphql } from './graphql.js';
import { element, formatDate, settings } from './page.js';

/**
 * @typedef {object} PublicReport
 * @property {string} trackingCode
 * @property {string} kind
 * @property {string} status
 * @property {string} submittedAt
 * @property {{ name: string } | null} agency
 * @property {string} text
 * @property {string | null} location
 */

const { statusLabels, kindLabels } = settings();
const QUERY = `query Reports($city: String!, $agency: String, $after: String) {
  publicReports(cityCode: $city, agencyCode: $agency, first: 20, after: $after) {
    endCursor hasMore items { trackingCode kind status submittedAt agency { name } text location } } }`;
const AGENCIES = `{ cities { code agencies { code name } } }`;

const form = element('form-laporan', HTMLFormElement);
const city = element('kota', HTMLSelectElement);
const agency = element('instansi', HTMLSelectElement);
const state = element('keadaan', HTMLElement);
const list = element('daftar', HTMLOListElement);
const more = element('lagi', HTMLButtonElement);
/** @type {Record<string, { code: string, name: string }[]>} */
let agenciesOf = {};
/** @type {string | null} */
let cursor = null;

function fillAgencies() {
  agency.replaceChildren(new Option('Semua instansi', ''));
  for (const a of agenciesOf[city.value] ?? []) agency.add(new Option(a.name, a.code));
}

/** @param {PublicReport} r */
function entry(r) {
  const li = document.createElement('li');
  li.className = 'report';
  const title = document.createElement('h2');
  title.textContent = `${kindLabels[r.kind] ?? r.kind} ${r.trackingCode}`;
  const meta = document.createElement('p');
  meta.className = 'hint';
  meta.textContent = [
    statusLabels[r.status] ?? r.status,
    formatDate(r.submittedAt),
    r.agency?.name ?? 'Belum diteruskan',
    r.location ?? '',
  ]
    .filter(Boolean)
    .join(' · ');
  const text = document.createElement('p');
  text.textContent = r.text;
  li.append(title, meta, text);
  return li;
}

/** @param {boolean} fresh */
async function load(fresh) {
  if (fresh) {
    cursor = null;
    list.replaceChildren();
  }
  state.textContent = 'Memuat…';
  /** @type {import('./graphql.js').GraphQLResult<{ publicReports: { endCursor: string | null, hasMore: boolean, items: PublicReport[] } }>} */
  const res = await graphql(QUERY, { city: city.value, agency: agency.value || null, after: cursor });
  const page = res.data?.publicReports;
  if (!page) {
    state.textContent = res.errors?.[0]?.message ?? 'Server sedang bermasalah. Silakan coba lagi.';
    return;
  }
  for (const r of page.items) list.appendChild(entry(r));
  cursor = page.endCursor;
  more.hidden = !page.hasMore;
  state.textContent = list.children.length
    ? `${list.children.length} laporan ditampilkan${page.hasMore ? '; ada yang lebih lama' : ''}.`
    : 'Belum ada laporan publik di sini.';
}

city.addEventListener('change', fillAgencies);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void load(true);
});
more.addEventListener('click', () => void load(false));

/** @type {import('./graphql.js').GraphQLResult<{ cities: { code: string, agencies: { code: string, name: string }[] }[] }>} */
const known = await graphql(AGENCIES);
agenciesOf = Object.fromEntries((known.data?.cities ?? []).map((c) => [c.code, c.agencies]));
fillAgencies();
void load(true);
