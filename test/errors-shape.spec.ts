import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every refusal comes from a context's errors map, where defineErrors gives it
 * its reason: one built inline would reach clients as `reason: "unspecified"`.
 */
const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !/\.(spec|service-spec|e2e-spec)\.ts$/.test(entry.name)
      ? [path]
      : [];
  });
}

const files = ['apps', 'libs'].flatMap((dir) => sources(join(ROOT, dir)));

describe('the shape of errors', () => {
  it('builds DomainErrors only inside an errors map', () => {
    const inline = files.filter(
      (file) =>
        !file.endsWith('.errors.ts') &&
        !file.endsWith('domain-error.ts') &&
        !file.endsWith('define-errors.ts') &&
        readFileSync(file, 'utf8').includes('new DomainError('),
    );
    expect(inline.map((file) => relative(ROOT, file))).toEqual([]);
  });

  it('wraps every errors map in defineErrors, so each refusal has a reason', () => {
    const errorFiles = files.filter((file) => file.endsWith('.errors.ts'));
    expect(errorFiles.length).toBeGreaterThanOrEqual(5);
    const unwrapped = errorFiles.filter(
      (file) => !/export const \w+ = defineErrors\('\w+', \{/.test(readFileSync(file, 'utf8')),
    );
    expect(unwrapped.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
