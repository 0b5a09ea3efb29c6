// @ts-check
// Each completed plan: the verdict, the rate ratios, and the weekly rates beside the comparison group.
import { element } from './page.js';
import { api } from './planner-api.js';
import { clearChart, drawChart } from './planner-charts.js';
import { date, fmt, h, replace, table } from './planner-dom.js';

/** @param {any[]} plans */
export async function renderEffectiveness(plans) {
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
