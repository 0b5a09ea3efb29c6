// @ts-check
import { graphql } from './graphql.js';
import { element } from './page.js';

/**
 * @typedef {object} AnswerMonth
 * @property {string} agencyCode
 * @property {string} agencyName
 * @property {string} month
 * @property {number} received
 * @property {number | null} routedWithinDeadlineShare
 * @property {number | null} medianWorkingDaysToFirstAnswer
 * @property {number | null} resolvedShare
 * @property {number | null} reopenedShare
 * @property {number} ratings
 * @property {number | null} averageRating
 */

const QUERY = `query Stats($city: String!, $from: String, $to: String) {
  agencyAnswerStats(cityCode: $city, from: $from, to: $to) { from to refreshedAt rows {
    agencyCode agencyName month received routedWithinDeadlineShare medianWorkingDaysToFirstAnswer
    resolvedShare reopenedShare ratings averageRating } } }`;

const form = element('form-statistik', HTMLFormElement);
const city = element('kota', HTMLSelectElement);
const from = element('dari', HTMLInputElement);
const to = element('sampai', HTMLInputElement);
const state = element('keadaan', HTMLElement);
const body = /** @type {HTMLTableSectionElement} */ (element('tabel', HTMLTableElement).tBodies[0]);

const percent = (/** @type {number | null} */ v) =>
  v === null ? '–' : `${(v * 100).toLocaleString('id-ID', { maximumFractionDigits: 1 })}%`;
const decimal = (/** @type {number | null} */ v) =>
  v === null ? '–' : v.toLocaleString('id-ID', { maximumFractionDigits: 1 });

/** @param {AnswerMonth[]} rows */
function fillTable(rows) {
  body.replaceChildren();
  for (const r of rows) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = r.agencyName;
    tr.appendChild(th);
    const cells = [
      r.month,
      r.received.toLocaleString('id-ID'),
      percent(r.routedWithinDeadlineShare),
      decimal(r.medianWorkingDaysToFirstAnswer),
      percent(r.resolvedShare),
      percent(r.reopenedShare),
      r.ratings ? `${decimal(r.averageRating)} (${r.ratings} nilai)` : '–',
    ];
    cells.forEach((text, i) => {
      const td = tr.insertCell();
      td.textContent = text;
      if (i > 0) td.className = 'num';
    });
  }
}

/**
 * One series per agency over the months, drawn by ECharts (served from this
 * site). The table below holds every number: the chart's text alternative is a
 * short summary written here, not what ECharts generates.
 * @param {string} id
 * @param {AnswerMonth[]} rows
 * @param {'bar' | 'line'} type
 * @param {(r: AnswerMonth) => number | null} value
 */
function draw(id, rows, type, value) {
  const echarts = /** @type {any} */ (window).echarts;
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const agencies = [...new Set(rows.map((r) => r.agencyName))];
  const container = element(id, HTMLElement);
  if (!echarts) return;
  const chart = echarts.getInstanceByDom(container) ?? echarts.init(container);
  chart.setOption(
    {
      animation: false,
      legend: { type: 'scroll', top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: agencies.map((name) => ({
        name,
        type,
        data: months.map((m) => {
          const row = rows.find((r) => r.agencyName === name && r.month === m);
          return row ? value(row) : null;
        }),
      })),
    },
    true,
  );
}

/**
 * @param {AnswerMonth[]} rows
 * @param {(r: AnswerMonth) => number | null} value
 * @param {string} unit
 */
function summary(rows, value, unit) {
  if (!rows.length) return 'Belum ada data untuk rentang ini.';
  const top = rows.reduce((a, r) => ((value(r) ?? -1) > (value(a) ?? -1) ? r : a), rows[0]);
  return `Tertinggi: ${top.agencyName}, ${top.month}, ${decimal(value(top))} ${unit}. Semua angka ada di tabel.`;
}

async function load() {
  state.textContent = 'Memuat…';
  for (const input of [from, to]) {
    input.removeAttribute('aria-invalid');
    element(`${input.id}-error`, HTMLElement).hidden = true;
  }
  /** @type {import('./graphql.js').GraphQLResult<{ agencyAnswerStats: { from: string, to: string, refreshedAt: string | null, rows: AnswerMonth[] } }>} */
  const res = await graphql(QUERY, { city: city.value, from: from.value || null, to: to.value || null });
  const [problem] = res.errors ?? [];
  if (problem || !res.data) {
    const field = problem?.extensions?.field === 'from' ? from : problem?.extensions?.field === 'to' ? to : null;
    const message = problem?.message ?? 'Server sedang bermasalah. Silakan coba lagi.';
    if (field) {
      const error = element(`${field.id}-error`, HTMLElement);
      error.textContent = message;
      error.hidden = false;
      field.setAttribute('aria-invalid', 'true');
      field.focus();
    }
    state.textContent = message;
    return;
  }
  const record = res.data.agencyAnswerStats;
  from.value = record.from;
  to.value = record.to;
  const rows = record.rows;
  fillTable(rows);
  draw('grafik-diterima', rows, 'bar', (r) => r.received);
  draw('grafik-hari', rows, 'line', (r) => r.medianWorkingDaysToFirstAnswer);
  element('diterima-ringkas', HTMLElement).textContent = summary(rows, (r) => r.received, 'laporan');
  element('hari-ringkas', HTMLElement).textContent = summary(
    rows,
    (r) => r.medianWorkingDaysToFirstAnswer,
    'hari kerja',
  );
  const at = record.refreshedAt
    ? new Date(record.refreshedAt).toLocaleString('id-ID', { dateStyle: 'long', timeStyle: 'short' })
    : 'belum pernah';
  state.textContent = `${rows.length} baris, ${record.from} sampai ${record.to}. Dihitung ulang: ${at}.`;
}

// Charts drawn at one width keep it: follow the window (a phone turned, a desktop resized).
window.addEventListener('resize', () => {
  const echarts = /** @type {any} */ (window).echarts;
  for (const id of ['grafik-diterima', 'grafik-hari'])
    echarts?.getInstanceByDom(element(id, HTMLElement))?.resize();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
// ECharts loads deferred; the module runs after it, so it is there on first draw.
void load();
