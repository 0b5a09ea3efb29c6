import { Scalar, CustomScalar } from '@nestjs/graphql';
import { Kind, ValueNode } from 'graphql';

/**
 * A calendar date, `YYYY-MM-DD`, with no time zone. Passed on as a string; the
 * domain checks it so that a wrong date gets the same message everywhere.
 */
@Scalar('Date')
export class LocalDateScalar implements CustomScalar<string, string> {
  description = 'Calendar date, YYYY-MM-DD';

  parseValue(value: unknown): string {
    return String(value);
  }

  serialize(value: unknown): string {
    return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  }

  parseLiteral(ast: ValueNode): string {
    return ast.kind === Kind.STRING ? ast.value : '';
  }
}
