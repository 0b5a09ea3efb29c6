/**
 * The refusal codes of the public contract. Every rule a service enforces fails
 * with one of these, so the API can map it to a GraphQL error without knowing the
 * rule, and the worker and the CLI can report it the same way.
 */
export type DomainErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

/** Given to an error built outside a context's errors map, which the shape forbids. */
export const UNSPECIFIED_REASON = 'unspecified';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** Shown to people as is: Bahasa Indonesia, saying what to do. */
    message: string,
    /** The input field at fault, so a form can show the message beside it. */
    readonly field?: string,
    /**
     * Which refusal this is, for programs (`intake.textEmpty`): stable while the
     * wording changes. Given by defineErrors from the context and the key.
     */
    readonly reason: string = UNSPECIFIED_REASON,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
