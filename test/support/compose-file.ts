import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface ComposeService {
  command?: string[];
  environment?: Record<string, string | number | boolean | null> | string[];
}

/**
 * docker-compose.yml as Docker Compose reads it, for a machine without Docker:
 * YAML anchors resolved, then `${…}` interpolated from the user's .env values.
 */
export class ComposeFile {
  private readonly services: Record<string, ComposeService>;

  constructor(path = 'docker-compose.yml') {
    // Compose resolves `<<:` merge keys (YAML 1.1), which YAML 1.2 parsers do only when asked.
    const file = parse(readFileSync(path, 'utf8'), { merge: true }) as {
      services: Record<string, ComposeService>;
    };
    this.services = file.services;
  }

  command(service: string): string[] {
    const command = this.services[service]?.command;
    if (!command) throw new Error(`docker-compose.yml: service ${service} has no command`);
    return command;
  }

  /** The service's environment with `vars` standing in for the shell and .env. */
  environment(service: string, vars: Record<string, string>): Record<string, string> {
    const declared = this.services[service]?.environment ?? {};
    const entries = Array.isArray(declared)
      ? declared.map((line) => {
          const at = line.indexOf('=');
          return at < 0 ? [line, vars[line]] : [line.slice(0, at), line.slice(at + 1)];
        })
      : Object.entries(declared);
    return Object.fromEntries(
      entries
        .filter(([, value]) => value !== undefined && value !== null)
        .map(([name, value]) => [name, interpolate(String(value), vars)]),
    );
  }
}

/** The ENV lines of the Dockerfile's last stage: what the image itself sets. */
export function imageEnvironment(path = 'Dockerfile'): Record<string, string> {
  const stages = readFileSync(path, 'utf8').split(/^FROM /m);
  const env: Record<string, string> = {};
  for (const [, pairs] of stages.at(-1)!.matchAll(/^ENV (.+)$/gm)) {
    for (const [, name, value] of pairs.matchAll(/(\w+)=("[^"]*"|\S+)/g))
      env[name] = value.replace(/^"|"$/g, '');
  }
  return env;
}

/** Compose's interpolation: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}. */
function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(
    /\$\$|\$\{(\w+)(?:(:?)([-?])([^}]*))?\}|\$(\w+)/g,
    (whole, braced?: string, colon?: string, op?: string, arg?: string, bare?: string) => {
      if (whole === '$$') return '$';
      const name = (braced ?? bare)!;
      const value = vars[name];
      const missing = value === undefined || (colon === ':' && value === '');
      if (!missing) return value;
      if (op === '-') return arg!;
      if (op === '?') throw new Error(`required variable ${name} is missing a value: ${arg}`);
      return '';
    },
  );
}
