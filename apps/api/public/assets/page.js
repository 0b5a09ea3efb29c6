// @ts-check

/**
 * What the server decides and renders into each page as a JSON data block
 * (see apps/api/src/citizen-form/citizen-page-settings.ts).
 * @typedef {object} Settings
 * @property {Record<string, string>} statusLabels
 * @property {Record<string, string>} kindLabels
 * @property {{ text: number, followUp: number }} maxLength
 * @property {{ max: number, maxBytes: number }} photos
 * @property {number} autoCloseDays
 */

/** @returns {Settings} */
export function settings() {
  return JSON.parse(element('suara-settings', HTMLScriptElement).textContent || '{}');
}

/**
 * The page's element with this id, of the expected kind: a renamed id fails
 * here, loudly, instead of as a null somewhere later.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {new () => T} type
 * @returns {T}
 */
export function element(id, type) {
  const found = document.getElementById(id);
  if (!(found instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return found;
}

/** @param {string} iso */
export function formatDate(iso) {
  return new Date(iso).toLocaleString('id-ID', { dateStyle: 'long', timeStyle: 'short' });
}
