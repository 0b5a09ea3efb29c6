// @ts-check
// The yearly plan: budget used, the plans, and JP per civil servant against the 20 JP right.
import { element } from './page.js';
import { drawChart } from './planner-charts.js';
import { fmt, h, idr, replace, table } from './planner-dom.js';

const PLAN_STATUS = /** @type {Record<string, string>} */ ({
  DRAFT: 'Draf',
  APPROVED: 'Disetujui',
  COMPLETED: 'Selesai',
  CANCELLED: 'Dibatalkan',
});

/** @param {any} y @param {any[]} plans @param {Record<string, string>} methodLabels */
export function renderYear(y, plans, methodLabels) {
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
            methodLabels[p.method] ?? p.method,
            fmt(p.participants),
            fmt(p.hoursJp),
            idr(p.budgetIdr),
            PLAN_STATUS[p.status] ?? p.status,
          ]),
        ),
  );
}
