// @ts-check
// The gaps: ranked per agency with their severity explained, the agency × competency
// heat map, and one gap's evidence week by week.
import { element } from './page.js';
import { api } from './planner-api.js';
import { clearChart, drawChart } from './planner-charts.js';
import { fmt, h, replace, table } from './planner-dom.js';

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
const status = element('status', HTMLParagraphElement);

/** @type {any[] | null} the city's gaps now shown; null while the gap list is unavailable */
let shown = null;

/** @param {any[] | null} gaps */
export function showGaps(gaps) {
  shown = gaps;
  renderGaps();
  renderHeatMap();
  clearTrend();
}

function renderGaps() {
  const list = element('daftar-kesenjangan', HTMLDivElement);
  const gaps = shown;
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
  const gaps = shown ?? [];
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
