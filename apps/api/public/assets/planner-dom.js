// @ts-check
// Building the dashboard's elements from data: text always through textContent, never HTML.

/**
 * @param {string} tag
 * @param {Record<string, string | boolean | undefined>} [attrs]
 * @param {(Node | string | null | undefined)[]} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/**
 * A table a phone can scroll sideways; the scroller is focusable so a keyboard can scroll it too.
 * @param {string} caption
 * @param {string[]} headers
 * @param {(string | Node)[][]} rows
 */
export function table(caption, headers, rows) {
  const t = h(
    'table',
    {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...headers.map((x) => h('th', { scope: 'col' }, x)))),
    h(
      'tbody',
      {},
      ...rows.map((cells) =>
        h(
          'tr',
          {},
          ...cells.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))),
        ),
      ),
    ),
  );
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, t);
}

/** @param {HTMLElement} el @param {(Node | string | null)[]} children */
export function replace(el, ...children) {
  el.replaceChildren(...children.filter((c) => c !== null));
}

const number = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });
const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});

/** @param {number | null | undefined} n */
export const fmt = (n) => (n === null || n === undefined ? '–' : number.format(n));
/** @param {number} n */
export const idr = (n) => rupiah.format(n);
/** @param {string | null | undefined} iso */
export const date = (iso) =>
  iso ? new Date(iso).toLocaleDateString('id-ID', { dateStyle: 'medium', timeZone: 'UTC' }) : '–';
