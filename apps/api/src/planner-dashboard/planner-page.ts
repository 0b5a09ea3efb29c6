import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CITIES } from '@suara/reference';
import { JP_RIGHT_PER_YEAR, METHOD_LABEL, TrainingMethod } from '@suara/training';

/**
 * What the planners' page shows that the server decides: the cities to plan
 * for, the year to open on, the JP right and the method names. Rendered once at
 * boot into a JSON data block (never executed, so the strict CSP holds).
 */
export interface PlannerPageSettings {
  cities: { code: string; name: string }[];
  year: number;
  jpRight: number;
  methodLabels: Record<TrainingMethod, string>;
}

export function plannerPageSettings(now = new Date()): PlannerPageSettings {
  return {
    cities: CITIES.map(({ code, name }) => ({ code, name })),
    year: now.getUTCFullYear(),
    jpRight: JP_RIGHT_PER_YEAR,
    methodLabels: { ...METHOD_LABEL },
  };
}

export function renderPlannerPage(dir: string, settings: PlannerPageSettings): string {
  const template = readFileSync(join(dir, 'planner.html'), 'utf8');
  const values: Record<string, string> = {
    settingsJson: scriptSafeJson(settings),
    cityOptions: settings.cities
      .map((c) => `<option value="${html(c.code)}">${html(c.name)}</option>`)
      .join('\n              '),
    year: String(settings.year),
    jpRight: String(settings.jpRight),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    // A misspelt placeholder stops the boot instead of showing braces to planners.
    if (!(name in values)) throw new Error(`planner.html: unknown placeholder {{${name}}}`);
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
