import type { InferClassEntityDB, PrimaryProperty, Scalar, SnakeCase } from '@mikro-orm/postgresql';
import type { Generated } from 'kysely';

type Instance<E> = E extends abstract new (...args: never[]) => infer I ? I : never;

/** What MikroORM infers from the class: scalar columns and the foreign keys of relations. */
type Inferred<E> = InferClassEntityDB<E> extends infer DB ? DB[keyof DB] : never;

/** An object that is neither an entity (no primary key) nor a method: a JSON column. */
type IsJson<V> =
  NonNullable<V> extends Scalar | readonly unknown[] | ((...args: never[]) => unknown)
    ? false
    : [PrimaryProperty<NonNullable<V>>] extends [never]
      ? true
      : false;

/** The JSON columns, which the inference leaves out (it cannot tell them from relations). */
type JsonColumns<I> = {
  [
    K in keyof I as K extends string ? (IsJson<I[K]> extends true ? SnakeCase<K> : never) : never
  ]: I[K];
};

type AllColumns<E> = Inferred<E> & JsonColumns<Instance<E>>;

/** A column that may be absent on the entity is NULL in the database. */
type Columns<E> = {
  [K in keyof AllColumns<E>]-?: undefined extends AllColumns<E>[K]
    ? Exclude<AllColumns<E>[K], undefined> | null
    : AllColumns<E>[K];
};

/**
 * An entity's table as the typed query builder (`em.getKysely<Tables>()`) sees it,
 * inferred from the entity class (which needs `[EntityName]`): a renamed, added or
 * removed property changes this type and breaks every query that relies on it.
 * The class cannot say which columns the database fills when an insert leaves
 * them out (sequences, defaults): `Filled` names them.
 */
export type EntityTable<E, Filled extends keyof Columns<E> = never> = {
  [K in keyof Columns<E>]: K extends Filled ? Generated<Columns<E>[K]> : Columns<E>[K];
};
