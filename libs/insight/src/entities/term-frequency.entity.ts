import { EntityName } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Document frequency of a term among a generation's items: the IDF of placement and labels. */
@Entity({ tableName: 'term_frequency' })
export class TermFrequency {
  [EntityName]?: 'TermFrequency';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  generation: number;

  @PrimaryKey({ type: 'string', length: 64 })
  term: string;

  @Property({ type: 'integer' })
  df: number;

  constructor(generation: number, term: string, df: number) {
    this.generation = generation;
    this.term = term;
    this.df = df;
  }
}
