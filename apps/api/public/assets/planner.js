// @ts-check
// The planners' dashboard: from competency gaps to a plan within budget to its effectiveness.
import { element } from './page.js';
import { api, downloadCsv, token, whenSignedOut } from './planner-api.js';
import { clearChart, drawChart } from './planner-charts.js';
import { date, fmt, h, idr, replace, table } from './planner-dom.js';

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
const GAP_STATUS = /** @type {Record<string, string>} */ ({
  OPEN: 'Terbuka',
  ACCEPTED: 'Diterima',
  DISMISSED: 'Ditolak',
  ADDRESSED: 'Sudah ditangani',
});
const TREND = /** @type {Record<string, string>} */ ({
  RISING: 'naik',
  STABLE: 'stabil',
  FALLING: 'turun',
});
const PLAN_STATUS = /** @type {Record<string, string>} */ ({
  DRAFT: 'Draf',
  APPROVED: 'Disetujui',
  COMPLETED: 'Selesai',
  CANCELLED: 'Dibatalkan',
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

/** What the dashboard shows now, so that a click can redraw one part. */
const state = {
  /** @type {any[] | null} null while the gap list is unavailable */
  gaps: null,
};

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
  state.gaps = gaps.data ? gaps.data.competencyGaps : null;
  renderGaps();
  renderHeatMap();
  clearTrend();
  if (!planning.data) {
    status.textContent = planning.errors?.[0]?.message ?? 'Data rencana tidak dapat dimuat.';
    return;
  }
  renderYear(planning.data.trainingYear, planning.data.trainingPlans);
  await renderEffectiveness(
    planning.data.trainingPlans.filter((/** @type {any} */ p) => p.status === 'COMPLETED'),
  );
  const cityName = city.selectedOptions[0]?.textContent ?? city.value;
  status.textContent = `Data ${cityName} tahun ${vars.year} dimuat.`;
}

// ---- gaps -------------------------------------------------------------------

function renderGaps() {
  const list = element('daftar-kesenjangan', HTMLDivElement);
  const gaps = state.gaps;
  if (!gaps || gaps.length === 0) {
    replace(
      list,
      h(
        'p',
        { class: 'empty' },
        gaps
          ? 'Belum ada data kesenjangan untuk kota ini.'
          : 'Belum ada data kesenjangan: analisis keluhan belum menghasilkan kesenjangan kompetensi.',
      ),
    );
    return;
  }
  /** @type {Map<string, { name: string, gaps: any[] }>} */
  const byAgency = new Map();
  for (const gap of [...gaps].sort((a, b) => b.severity - a.severity)) {
    /** @type {{ name: string, gaps: any[] }} */
    const entry = byAgency.get(gap.agency.code) ?? { name: gap.agency.name, gaps: [] };
    entry.gaps.push(gap);
    byAgency.set(gap.agency.code, entry);
  }
  replace(
    list,
    ...[...byAgency.values()].map((agency) =>
      h(
        'article',
        { class: 'agency' },
        h('h3', {}, agency.name),
        h('ol', { class: 'gaps' }, ...agency.gaps.map((gap) => gapItem(gap, agency.name))),
      ),
    ),
  );
}

/** @param {any} gap @param {string} agencyName */
function gapItem(gap, agencyName) {
  const what = `${gap.competency.name} di ${agencyName}`;
  const actions = h('div', { class: 'actions' });
  if (gap.status === 'OPEN' || gap.status === 'DISMISSED') {
    actions.append(reviewButton(gap, 'ACCEPT', 'Terima', what));
  }
  if (gap.status === 'OPEN' || gap.status === 'ACCEPTED') {
    actions.append(reviewButton(gap, 'DISMISS', 'Tolak', what));
  }
  const trend = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-label': `Lihat tren bukti ${what}` },
    'Lihat tren',
  );
  trend.addEventListener('click', () => void showTrend(gap, agencyName));
  actions.append(trend);
  return h(
    'li',
    {},
    h(
      'p',
      { class: 'gap-title' },
      h('strong', {}, `${gap.competency.name} (${gap.competency.code})`),
      ` · keparahan ${fmt(gap.severity)} · `,
      h(
        'span',
        { class: `badge ${gap.status.toLowerCase()}` },
        GAP_STATUS[gap.status] ?? gap.status,
      ),
    ),
    h('p', {}, gap.severityExplained),
    gap.trend !== null && gap.trend !== undefined
      ? h('p', { class: 'hint' }, `Tren keluhan: ${TREND[gap.trend] ?? gap.trend}`)
      : null,
    h(
      'p',
      { class: 'hint' },
      `Bukti: ${gap.evidence.length} klaster, ${gap.evidence.reduce((/** @type {number} */ n, /** @type {any} */ c) => n + c.size, 0)} keluhan.`,
    ),
    gap.samples?.length
      ? h(
          'details',
          {},
          h('summary', {}, `Contoh keluhan (${gap.samples.length})`),
          h('ul', {}, ...gap.samples.map((/** @type {string} */ text) => h('li', {}, text))),
        )
      : null,
    actions,
  );
}

/** @param {any} gap @param {'ACCEPT' | 'DISMISS'} decision @param {string} label @param {string} what */
function reviewButton(gap, decision, label, what) {
  const button = h(
    'button',
    { type: 'button', 'aria-label': `${label} kesenjangan ${what}` },
    label,
  );
  button.addEventListener('click', async () => {
    status.textContent = 'Menyimpan keputusan…';
    const result = await api(
      'mutation($id: ID!, $d: GapDecision!) { reviewCompetencyGap(id: $id, decision: $d) { id status } }',
      { id: gap.id, d: decision },
    );
    if (!result.data) {
      status.textContent = result.errors?.[0]?.message ?? 'Keputusan tidak tersimpan.';
      return;
    }
    gap.status = result.data.reviewCompetencyGap.status;
    renderGaps();
    status.textContent = `Kesenjangan ${what}: ${GAP_STATUS[gap.status] ?? gap.status}.`;
  });
  return button;
}

function renderHeatMap() {
  const chart = element('peta-grafik', HTMLDivElement);
  const tableBox = element('peta-tabel', HTMLDivElement);
  const gaps = state.gaps ?? [];
  if (gaps.length === 0) {
    clearChart(chart);
    replace(tableBox);
    element('peta-data', HTMLDetailsElement).hidden = true;
    element('peta-kosong', HTMLParagraphElement).hidden = false;
    return;
  }
  element('peta-data', HTMLDetailsElement).hidden = false;
  element('peta-kosong', HTMLParagraphElement).hidden = true;
  const agencies = [...new Map(gaps.map((g) => [g.agency.code, g.agency.name])).entries()];
  const competencies = [
    ...new Map(gaps.map((g) => [g.competency.code, g.competency.name])).entries(),
  ];
  /** @type {Map<string, number>} */
  const cell = new Map();
  for (const g of gaps) {
    const key = `${g.agency.code}|${g.competency.code}`;
    cell.set(key, Math.max(cell.get(key) ?? 0, g.severity));
  }
  const max = Math.max(...cell.values());
  const top = gaps.reduce((a, b) => (b.severity > a.severity ? b : a));
  // One row per agency, readable however many there are.
  chart.style.height = `${Math.max(200, 130 + agencies.length * 36)}px`;
  drawChart(
    chart,
    {
      grid: { left: 8, right: 8, top: 8, bottom: 70, containLabel: true },
      xAxis: {
        type: 'category',
        data: competencies.map(([code]) => code),
        axisLabel: { rotate: 30 },
      },
      yAxis: { type: 'category', data: agencies.map(([code]) => code) },
      visualMap: {
        min: 0,
        max,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        text: ['berat', 'ringan'],
        inRange: { color: ['#f5f0e1', '#e6a23c', '#b23a1d'] },
      },
      series: [
        {
          type: 'heatmap',
          data: [...cell.entries()].map(([key, value]) => {
            const [a, c] = key.split('|');
            return [
              competencies.findIndex(([code]) => code === c),
              agencies.findIndex(([code]) => code === a),
              value,
            ];
          }),
          label: { show: true, formatter: (/** @type {any} */ p) => fmt(p.value[2]) },
        },
      ],
    },
    `Peta panas keparahan kesenjangan: ${agencies.length} instansi × ${competencies.length} kompetensi. ` +
      `Paling berat ${fmt(top.severity)}: ${top.competency.name} di ${top.agency.name}.`,
  );
  replace(
    tableBox,
    table(
      'Keparahan kesenjangan per instansi dan kompetensi',
      ['Instansi', ...competencies.map(([code, name]) => `${name} (${code})`)],
      agencies.map(([code, name]) => [
        name,
        ...competencies.map(([c]) => fmt(cell.get(`${code}|${c}`))),
      ]),
    ),
  );
}

function clearTrend() {
  clearChart(element('tren-grafik', HTMLDivElement));
  replace(element('tren-tabel', HTMLDivElement));
}

const MEMBERS_PER_CLUSTER = 100;
const WIB_MS = 7 * 3600 * 1000;

/**
 * The Monday (WIB, as the effectiveness weeks) of the week a complaint came in.
 * @param {string} iso
 */
function weekOf(iso) {
  const wib = new Date(new Date(iso).getTime() + WIB_MS);
  wib.setUTCDate(wib.getUTCDate() - ((wib.getUTCDay() + 6) % 7));
  return wib.toISOString().slice(0, 10);
}

/**
 * Weekly counts, empty weeks included so that a quiet spell shows as one.
 * @param {string[]} times
 * @returns {[string, number][]}
 */
function weeklyCounts(times) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const t of times) counts.set(weekOf(t), (counts.get(weekOf(t)) ?? 0) + 1);
  const weeks = [...counts.keys()].sort();
  /** @type {[string, number][]} */
  const series = [];
  for (
    let d = new Date(`${weeks[0]}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= weeks[weeks.length - 1];
    d.setUTCDate(d.getUTCDate() + 7)
  ) {
    const key = d.toISOString().slice(0, 10);
    series.push([key, counts.get(key) ?? 0]);
  }
  return series;
}

/** @param {any} gap @param {string} agencyName */
async function showTrend(gap, agencyName) {
  const chart = element('tren-grafik', HTMLDivElement);
  const tableBox = element('tren-tabel', HTMLDivElement);
  const title = `${gap.competency.name} di ${agencyName}`;
  status.textContent = `Memuat bukti ${title}…`;
  // The members' dates are read only for the gap asked about: one city's gaps with
  // every member would be a heavy first load.
  const result = await api(
    `query($filter: CompetencyGapFilter!, $first: Int!) {
      competencyGaps(filter: $filter) { id evidence { id size members(first: $first) { submittedAt } } }
    }`,
    {
      filter: { agencyCode: gap.agency.code, competencyCode: gap.competency.code },
      first: MEMBERS_PER_CLUSTER,
    },
  );
  const found = result.data?.competencyGaps.find((/** @type {any} */ g) => g.id === gap.id);
  if (!found) {
    clearChart(chart);
    replace(
      tableBox,
      h('p', { class: 'error' }, result.errors?.[0]?.message ?? 'Bukti tidak dapat dimuat.'),
    );
    status.textContent = '';
    return;
  }
  const times = found.evidence.flatMap((/** @type {any} */ c) =>
    c.members.map((/** @type {any} */ m) => m.submittedAt),
  );
  const capped = found.evidence.some((/** @type {any} */ c) => c.size > MEMBERS_PER_CLUSTER);
  if (times.length === 0) {
    clearChart(chart);
    replace(tableBox, h('p', { class: 'empty' }, `Belum ada keluhan bukti untuk ${title}.`));
    status.textContent = '';
    return;
  }
  const series = weeklyCounts(times);
  const peak = series.reduce((a, b) => (b[1] > a[1] ? b : a));
  drawChart(
    chart,
    {
      grid: { left: 16, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: series.map(([week]) => week) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: 'Keluhan per minggu',
          data: series.map(([, n]) => n),
          itemStyle: { color: '#0b5d3b' },
        },
      ],
    },
    `Keluhan bukti ${title} per minggu: ${times.length} keluhan dalam ${series.length} minggu, ` +
      `dari minggu ${series[0][0]} sampai ${series[series.length - 1][0]}; terbanyak ${peak[1]} pada minggu ${peak[0]}.`,
  );
  replace(
    tableBox,
    capped
      ? h(
          'p',
          { class: 'hint' },
          `Klaster besar: hanya ${MEMBERS_PER_CLUSTER} keluhan terbaru per klaster yang dihitung.`,
        )
      : null,
    h(
      'details',
      {},
      h('summary', {}, 'Tabel keluhan bukti per minggu'),
      table(
        `Keluhan bukti ${title} per minggu`,
        ['Minggu mulai (Senin)', 'Keluhan'],
        series.map(([week, n]) => [week, fmt(n)]),
      ),
    ),
  );
  status.textContent = `Tren bukti ${title} ditampilkan.`;
  element('tren', HTMLElement).scrollIntoView();
  element('tren-judul', HTMLHeadingElement).focus();
}

// ---- the year ---------------------------------------------------------------

/** @param {any} y @param {any[]} plans */
function renderYear(y, plans) {
  replace(
    element('ringkasan-tahun', HTMLElement),
    h('dt', {}, 'Rencana'),
    h('dd', {}, fmt(y.plans)),
    h('dt', {}, 'Anggaran terpakai'),
    h('dd', {}, `${idr(y.budgetUsedIdr)} (selesai: ${idr(y.budgetCompletedIdr)})`),
    h('dt', {}, 'JP per ASN (kota)'),
    h('dd', {}, `${fmt(y.jpPerCivilServant)} dari hak ${y.jpRightPerCivilServant} JP`),
  );
  const chart = element('jp-grafik', HTMLDivElement);
  const agencies = [...y.agencies].sort((a, b) => a.jpPerCivilServant - b.jpPerCivilServant);
  const meeting = agencies.filter((a) => a.meetsJpRight).length;
  chart.style.height = `${Math.max(160, 40 + agencies.length * 28)}px`;
  drawChart(
    chart,
    {
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      // The axis always reaches past the right, so the 20 JP line shows even when no agency is near it.
      xAxis: {
        type: 'value',
        max: Math.ceil(
          Math.max(
            y.jpRightPerCivilServant * 1.2,
            ...agencies.map((a) => a.jpPerCivilServant * 1.1),
          ),
        ),
      },
      yAxis: { type: 'category', data: agencies.map((a) => a.agencyCode) },
      series: [
        {
          type: 'bar',
          name: 'JP per ASN',
          data: agencies.map((a) => ({
            value: a.jpPerCivilServant,
            itemStyle: { color: a.meetsJpRight ? '#0b5d3b' : '#b45309' },
          })),
          markLine: {
            symbol: 'none',
            data: [{ xAxis: y.jpRightPerCivilServant, name: 'Hak 20 JP' }],
            label: { formatter: `hak ${y.jpRightPerCivilServant} JP` },
            lineStyle: { color: '#1b1b1b', type: 'dashed' },
          },
        },
      ],
    },
    `JP terencana per ASN di ${agencies.length} instansi: ${meeting} instansi memenuhi hak ` +
      `${y.jpRightPerCivilServant} JP, ${agencies.length - meeting} belum. Rata-rata kota ${fmt(y.jpPerCivilServant)} JP.`,
  );
  replace(
    element('jp-tabel', HTMLDivElement),
    table(
      `JP per ASN terhadap hak ${y.jpRightPerCivilServant} JP`,
      ['Instansi', 'ASN', 'JP peserta', 'JP per ASN', `Hak ${y.jpRightPerCivilServant} JP`],
      agencies.map((a) => [
        `${a.agencyName} (${a.agencyCode})`,
        `${fmt(a.civilServants)}${a.civilServantsRecorded ? '' : ' (perkiraan)'}`,
        fmt(a.plannedParticipantJp),
        fmt(a.jpPerCivilServant),
        a.meetsJpRight ? 'terpenuhi' : 'belum',
      ]),
    ),
  );
  replace(
    element('daftar-rencana', HTMLDivElement),
    plans.length === 0
      ? h('p', { class: 'empty' }, 'Belum ada rencana untuk tahun ini.')
      : table(
          'Rencana pengembangan kompetensi tahun ini',
          ['Judul', 'Kompetensi', 'Instansi', 'Metode', 'Peserta', 'JP', 'Anggaran', 'Status'],
          plans.map((p) => [
            p.title,
            p.competency.code,
            p.agencyCodes.join(', '),
            settings.methodLabels[p.method] ?? p.method,
            fmt(p.participants),
            fmt(p.hoursJp),
            idr(p.budgetIdr),
            PLAN_STATUS[p.status] ?? p.status,
          ]),
        ),
  );
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

// ---- effectiveness ----------------------------------------------------------

/** @param {any[]} plans */
async function renderEffectiveness(plans) {
  const box = element('daftar-efektivitas', HTMLDivElement);
  for (const old of box.querySelectorAll('.chart')) clearChart(/** @type {HTMLElement} */ (old));
  if (plans.length === 0) {
    replace(box, h('p', { class: 'empty' }, 'Belum ada rencana yang selesai tahun ini.'));
    return;
  }
  const results = await Promise.all(
    plans.map((p) =>
      api(
        `query($id: ID!) { trainingEffectiveness(planId: $id) {
          verdict rateRatio ciLow ciHigh comparisonRateRatio ratioOfRatios explanation completedOn
          trainedComplaintsBefore trainedComplaintsAfter weeksCompared
          weeks { weekStart after trained comparison }
        } }`,
        { id: p.id },
      ),
    ),
  );
  replace(box);
  plans.forEach((plan, i) => {
    const e = results[i].data?.trainingEffectiveness;
    const article = h('article', { class: 'effect' }, h('h3', {}, plan.title));
    box.append(article);
    if (!e) {
      article.append(
        h('p', { class: 'error' }, results[i].errors?.[0]?.message ?? 'Hasil tidak dapat dimuat.'),
      );
      return;
    }
    article.append(
      h('p', { class: 'verdict' }, 'Kesimpulan: ', h('strong', {}, e.verdict)),
      h('p', {}, ratioSentence(e)),
      h('p', { class: 'hint' }, e.explanation),
    );
    const chart = h('div', { class: 'chart', role: 'img' });
    article.append(chart);
    const before = e.weeks.filter((/** @type {any} */ w) => !w.after).length;
    drawChart(
      chart,
      {
        legend: { top: 0 },
        grid: { left: 24, right: 24, top: 36, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: e.weeks.map((/** @type {any} */ w) => w.weekStart) },
        yAxis: { type: 'value' },
        series: [
          {
            type: 'line',
            name: 'Instansi dilatih',
            data: e.weeks.map((/** @type {any} */ w) => w.trained),
            itemStyle: { color: '#0b5d3b' },
            markLine: e.completedOn
              ? {
                  symbol: 'none',
                  data: [{ xAxis: before, name: 'Selesai' }],
                  label: { formatter: 'pelatihan selesai' },
                  lineStyle: { color: '#1b1b1b', type: 'dashed' },
                }
              : undefined,
          },
          {
            type: 'line',
            name: 'Pembanding',
            data: e.weeks.map((/** @type {any} */ w) => w.comparison),
            itemStyle: { color: '#1d4ed8' },
            lineStyle: { type: 'dashed' },
          },
        ],
      },
      `Sebelum dan sesudah ${plan.title}: ${e.weeks.length} minggu, ${before} sebelum dan ` +
        `${e.weeks.length - before} sesudah selesai ${date(e.completedOn)}. Kesimpulan: ${e.verdict}.`,
    );
    article.append(
      h(
        'details',
        {},
        h('summary', {}, 'Tabel laju mingguan'),
        table(
          `Laju keluhan terkait per minggu, ${plan.title}`,
          ['Minggu mulai', 'Periode', 'Dilatih', 'Pembanding'],
          e.weeks.map((/** @type {any} */ w) => [
            w.weekStart,
            w.after ? 'sesudah' : 'sebelum',
            fmt(w.trained),
            fmt(w.comparison),
          ]),
        ),
      ),
    );
  });
}

/** @param {any} e */
function ratioSentence(e) {
  const counts = `Keluhan terkait di instansi yang dilatih: ${e.trainedComplaintsBefore} sebelum, ${e.trainedComplaintsAfter} sesudah.`;
  if (e.rateRatio === null) return `Rasio laju belum dapat dihitung. ${counts}`;
  return (
    `Rasio laju (sesudah/sebelum) instansi dilatih ${fmt(e.rateRatio)}, IK 95% ${fmt(e.ciLow)} sampai ${fmt(e.ciHigh)}; ` +
    `kelompok pembanding ${fmt(e.comparisonRateRatio)}; rasio keduanya ${fmt(e.ratioOfRatios)}. ${counts}`
  );
}

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
