// @ts-check
// Charts through Apache ECharts, served by the app itself (/assets/vendor/echarts.min.js).
// Each chart's container is role="img" with a summary in aria-label; a data table beside it
// carries every number, so nothing is only in the picture.

/** @type {Map<HTMLElement, any>} */
const instances = new Map();

window.addEventListener('resize', () => {
  for (const chart of instances.values()) chart.resize();
});

/**
 * Draws `option` in `container`, replacing what was there.
 * @param {HTMLElement} container
 * @param {Record<string, unknown>} option
 * @param {string} summary what a screen reader hears instead of the picture
 */
export function drawChart(container, option, summary) {
  container.hidden = false;
  container.setAttribute('aria-label', summary);
  const echarts = /** @type {any} */ (globalThis).echarts;
  instances.get(container)?.dispose();
  instances.delete(container);
  if (!echarts) {
    container.textContent = 'Grafik tidak dapat dimuat; lihat tabel data.';
    return;
  }
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  // Tooltips drawn inside the canvas: HTML tooltips would need inline styles the CSP refuses.
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    tooltip: { renderMode: 'richText' },
    ...option,
  });
  instances.set(container, chart);
}

/** @param {HTMLElement} container */
export function clearChart(container) {
  instances.get(container)?.dispose();
  instances.delete(container);
  container.hidden = true;
  container.removeAttribute('aria-label');
}
