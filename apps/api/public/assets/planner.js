// @ts-check
// The planners' dashboard: from competency gaps to a plan within budget to its effectiveness.
import { element } from './page.js';
import { api, downloadCsv, token, whenSignedOut } from './planner-api.js';
import { renderEffectiveness } from './planner-effectiveness.js';
import { h, idr, replace } from './planner-dom.js';
import { showGaps } from './planner-gaps.js';
import { renderYear } from './planner-year.js';

/**
 * @typedef {object} Settings
 * @property {{ code: string, name: string }[]} cities
 * @property {number} year
 * @property {number} jpRight
 * @property {Record<string, string>} methodLabels
 */
/** @type {Settings} */
const settings = JSON.parse(element('suara-settings', HTMLScriptElement).textContent || '{}');

// Admins may do all a planner does (libs/training/src/training.policy.ts).
const ALLOWED_ROLES = ['PLANNER', 'ADMIN'];
const ROLE_LABEL = /** @type {Record<string, string>} */ ({
  AGENCY_STAFF: 'petugas instansi',
  COORDINATOR: 'koordinator',
  ADMIN: 'admin',
  PLANNER: 'perencana',
});
const signIn = element('masuk', HTMLElement);
const dashboard = element('dasbor', HTMLDivElement);
const signInForm = element('form-masuk', HTMLFormElement);
const signInError = element('masuk-error', HTMLParagraphElement);
const account = element('akun', HTMLDivElement);
const status = element('status', HTMLParagraphElement);
const filter = element('filter', HTMLFormElement);
const city = element('kota', HTMLSelectElement);
const yearInput = element('tahun', HTMLInputElement);

const year = () => {
  const y = Number(yearInput.value);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : settings.year;
};

// ---- signing in -------------------------------------------------------------

/** @param {string} message */
function showSignIn(message = '') {
  dashboard.hidden = true;
  account.hidden = true;
  signIn.hidden = false;
  signInError.textContent = message;
  signInError.hidden = !message;
}

/** @param {{ name: string, role: string }} user */
function refusal(user) {
  return (
    `Akun ${user.name} adalah akun ${ROLE_LABEL[user.role] ?? user.role}, bukan akun perencana. ` +
    'Dasbor ini hanya untuk perencana pengembangan kompetensi (BKPSDM). ' +
    'Jika Anda seharusnya punya akses, minta admin Suara memberi peran perencana.'
  );
}

/** @param {{ name: string, role: string }} user */
async function showDashboard(user) {
  signIn.hidden = true;
  dashboard.hidden = false;
  account.hidden = false;
  element('akun-nama', HTMLSpanElement).textContent = `${user.name} (${ROLE_LABEL[user.role]})`;
  await loadAll();
}

signInForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = element('email', HTMLInputElement).value.trim();
  const password = element('sandi', HTMLInputElement).value;
  if (!email || !password) return showSignIn('Isi email dan kata sandi akun perencana Anda.');
  token.clear();
  const result = await api(
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { name role } } }',
    { e: email, p: password },
  );
  if (!result.data) return showSignIn(result.errors?.[0]?.message ?? 'Gagal masuk.');
  const { accessToken, user } = result.data.login;
  // A token that cannot read planning data is not kept at all.
  if (!ALLOWED_ROLES.includes(user.role)) return showSignIn(refusal(user));
  token.set(accessToken);
  element('sandi', HTMLInputElement).value = '';
  await showDashboard(user);
  // The form that had focus is gone; a keyboard user continues from the page's heading.
  element('judul', HTMLHeadingElement).focus();
});

element('keluar', HTMLButtonElement).addEventListener('click', () => {
  token.clear();
  showSignIn();
  element('email', HTMLInputElement).focus();
});

whenSignedOut(() => showSignIn('Sesi Anda berakhir. Silakan masuk lagi.'));

// ---- loading ----------------------------------------------------------------

filter.addEventListener('submit', (event) => {
  event.preventDefault();
  void loadAll();
});

const PLAN_FIELDS = `id title status competency { code name } agencyCodes method route participants hoursJp
  budgetIdr startsOn endsOn completedOn gaps { id status }`;

async function loadAll() {
  status.textContent = 'Memuat data…';
  const vars = { city: city.value, year: year() };
  const [planning, gaps] = await Promise.all([
    api(
      `query($city: String!, $year: Int!) {
        trainingYear(cityCode: $city, year: $year) {
          plans budgetUsedIdr budgetCompletedIdr jpPerCivilServant jpRightPerCivilServant
          agencies { agencyCode agencyName civilServants civilServantsRecorded plannedParticipantJp jpPerCivilServant meetsJpRight }
        }
        trainingPlans(cityCode: $city, year: $year) { ${PLAN_FIELDS} }
      }`,
      vars,
    ),
    api(
      `query($city: String!) {
        competencyGaps(filter: { cityCode: $city }) {
          id severity severityExplained status trend
          agency { code name } competency { code name }
          evidence { id size }
          samples
        }
      }`,
      { city: city.value },
    ),
  ]);
  if (!token.get()) return;
  showGaps(gaps.data ? gaps.data.competencyGaps : null);
  if (!planning.data) {
    status.textContent = planning.errors?.[0]?.message ?? 'Data rencana tidak dapat dimuat.';
    return;
  }
  renderYear(planning.data.trainingYear, planning.data.trainingPlans, settings.methodLabels);
  await renderEffectiveness(
    planning.data.trainingPlans.filter((/** @type {any} */ p) => p.status === 'COMPLETED'),
  );
  const cityName = city.selectedOptions[0]?.textContent ?? city.value;
  status.textContent = `Data ${cityName} tahun ${vars.year} dimuat.`;
}

// ---- suggestion -------------------------------------------------------------

element('form-saran', HTMLFormElement).addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = element('anggaran', HTMLInputElement);
  const error = element('anggaran-error', HTMLParagraphElement);
  const digits = input.value.replace(/[.\s]/g, '');
  const budget = Number(digits);
  if (!/^\d{1,15}$/.test(digits) || budget <= 0) {
    error.textContent = 'Isi anggaran dalam rupiah, angka bulat lebih dari nol, contoh: 500000000.';
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return;
  }
  error.hidden = true;
  input.removeAttribute('aria-invalid');
  const out = element('hasil-saran', HTMLDivElement);
  replace(out, h('p', {}, 'Menghitung saran…'));
  const result = await api(
    `query($city: String!, $budget: Float!, $year: Int!) {
      suggestTrainingPlans(cityCode: $city, budgetIdr: $budget, year: $year) {
        explanation totalBudgetIdr coveredSeverity totalSeverity optimal
        items { competency { code name } agencyCodes method participants hoursJp budgetIdr coveredSeverity explanation }
        leftOut { gapId reason }
      }
    }`,
    { city: city.value, budget, year: year() },
  );
  if (!result.data) {
    replace(
      out,
      h('p', { class: 'error' }, result.errors?.[0]?.message ?? 'Saran tidak dapat dihitung.'),
    );
    return;
  }
  const s = result.data.suggestTrainingPlans;
  replace(
    out,
    h('h3', {}, `Saran: ${idr(s.totalBudgetIdr)} dari ${idr(budget)}`),
    h('p', {}, s.explanation),
    s.items.length === 0
      ? h(
          'p',
          { class: 'empty' },
          'Tidak ada usulan: belum ada kesenjangan yang diterima untuk dijawab.',
        )
      : h(
          'ol',
          { class: 'suggestions' },
          ...s.items.map((/** @type {any} */ item) =>
            h(
              'li',
              {},
              h(
                'p',
                {},
                h('strong', {}, `${item.competency.name} (${item.competency.code})`),
                ` · ${settings.methodLabels[item.method] ?? item.method} · ${item.participants} peserta × ${item.hoursJp} JP · ${idr(item.budgetIdr)}`,
              ),
              h('p', {}, item.explanation),
            ),
          ),
        ),
    s.leftOut.length === 0
      ? null
      : h(
          'details',
          {},
          h('summary', {}, `Tidak dimasukkan (${s.leftOut.length})`),
          h('ul', {}, ...s.leftOut.map((/** @type {any} */ l) => h('li', {}, l.reason))),
        ),
  );
});

// ---- exports ----------------------------------------------------------------

const CSV_FILES = /** @type {Record<string, string>} */ ({
  gaps: 'kesenjangan-kompetensi.csv',
  plans: 'rencana-pengembangan-kompetensi.csv',
  effectiveness: 'efektivitas-pelatihan.csv',
});
for (const button of document.querySelectorAll('button[data-csv]')) {
  button.addEventListener('click', async () => {
    const kind = button.getAttribute('data-csv') ?? 'gaps';
    const out = element('unduhan-status', HTMLParagraphElement);
    out.textContent = 'Menyiapkan unduhan…';
    const query = kind === 'gaps' ? '' : `?year=${year()}`;
    const failure = await downloadCsv(`/planner/export/${kind}.csv${query}`, CSV_FILES[kind]);
    out.textContent = failure ?? `${CSV_FILES[kind]} diunduh.`;
  });
}

// ---- start ------------------------------------------------------------------

async function start() {
  if (!token.get()) return showSignIn();
  const me = await api('{ me { name role } }');
  if (!me.data || !ALLOWED_ROLES.includes(me.data.me.role)) {
    token.clear();
    return showSignIn(me.data ? refusal(me.data.me) : '');
  }
  await showDashboard(me.data.me);
}
void start();
