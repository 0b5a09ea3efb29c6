import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CitizenPageSettings } from './citizen-page-settings.js';
import { siteFooter, siteHeader } from './site-chrome.js';

export interface CitizenPages {
  form: string;
  tracking: string;
  privacy: string;
  myData: string;
  statistics: string;
  reports: string;
}

/**
 * The pages with the server's values filled in, once at boot: the settings
 * cannot change while the process runs, and a page without JavaScript still
 * shows the right cities, sizes and days.
 */
export function renderCitizenPages(dir: string, settings: CitizenPageSettings): CitizenPages {
  const values = placeholders(settings);
  const render = (file: string, path: string) =>
    fill(
      readFileSync(join(dir, file), 'utf8'),
      { ...values, siteHeader: siteHeader(path), siteFooter: siteFooter(path) },
      file,
    );
  return {
    form: render('index.html', '/'),
    tracking: render('lacak.html', '/lacak'),
    privacy: render('privasi.html', '/privasi'),
    myData: render('data-saya.html', '/data-saya'),
    statistics: render('statistik.html', '/statistik'),
    reports: render('laporan.html', '/laporan'),
  };
}

/** Every value already escaped for where it goes. */
function placeholders(s: CitizenPageSettings): Record<string, string> {
  const { maxLength } = s;
  return {
    // A data block, never executed, so the strict CSP still holds; the scripts read it.
    settingsJson: scriptSafeJson(s),
    cityOptions: s.cities
      .map((c) => `<option value="${html(c.code)}">${html(c.name)}</option>`)
      .join('\n            '),
    kindChoices: s.kinds
      .map(
        (k, i) =>
          `<label><input type="radio" name="kind" value="${html(k.code)}"${i === 0 ? ' checked' : ''} /> ${html(k.label)}</label>`,
      )
      .join('\n            '),
    textMax: String(maxLength.text),
    textMaxShown: html(maxLength.text.toLocaleString('id-ID')),
    locationMax: String(maxLength.location),
    nameMax: String(maxLength.reporterName),
    emailMax: String(maxLength.reporterEmail),
    phoneMax: String(maxLength.reporterPhone),
    trackingCodeMax: String(maxLength.trackingCode),
    secretMax: String(maxLength.citizenSecret),
    commentMax: String(maxLength.comment),
    followUpMax: String(maxLength.followUp),
    followUpMaxShown: html(maxLength.followUp.toLocaleString('id-ID')),
    photosMax: String(s.photos.max),
    photoMb: String(s.photos.maxBytes / (1024 * 1024)),
    autoCloseDays: String(s.autoCloseDays),
    routeDays: String(s.routeDays),
    retentionDays: html(s.retentionDays.toLocaleString('id-ID')),
    controllerName: html(s.dataController.name),
    controllerContact: html(s.dataController.contact),
  };
}

function fill(template: string, values: Record<string, string>, file: string): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    // A misspelt placeholder stops the boot instead of showing braces to citizens.
    if (!(name in values)) throw new Error(`${file}: unknown placeholder {{${name}}}`);
    return values[name];
  });
}

function html(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** JSON that cannot end its <script> element or start a comment inside it. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
