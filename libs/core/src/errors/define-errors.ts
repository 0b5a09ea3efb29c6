import { DomainError } from './domain-error.js';

type ErrorFactories = Record<string, (...args: never) => DomainError>;

/**
 * A context's refusals, each tagged with the reason `<context>.<key>`: the key
 * of the map is the reason, so it cannot drift from the factory or be copied
 * by hand to the wrong one. Clients and tests match the reason, not the words.
 */
export function defineErrors<F extends ErrorFactories>(context: string, factories: F): F {
  return Object.fromEntries(
    Object.entries(factories).map(([key, make]) => [
      key,
      (...args: Parameters<typeof make>) => {
        const error = make(...args);
        return new DomainError(error.code, error.message, error.field, `${context}.${key}`);
      },
    ]),
  ) as F;
}
