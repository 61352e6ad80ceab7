/**
 * The one way a list reaches SQL: as a single array parameter. A statement built
 * from `IN ($1, $2, …)` or a multi-row `VALUES` grows one parameter per value, and
 * past 65,535 the protocol's 16-bit count wraps ("bind message has 28928 parameter
 * formats but 0 parameters"); arrays keep every statement at a fixed count whatever
 * the size of the file behind it. `client.ts` refuses any statement with more than
 * `MAX_STATEMENT_PARAMETERS`, so a list that slips past this module fails in tests.
 */
import { sql, type Insertable, type RawBuilder } from 'kysely';
import type { Queryable } from './client.ts';
import type { Database } from './schema.ts';

/** PostgreSQL element types our arrays carry. */
export type ArrayElementType =
  | 'text'
  | 'uuid'
  | 'bigint'
  | 'integer'
  | 'date'
  | 'boolean'
  | 'jsonb'
  | 'timestamptz';

export type ArrayElement = string | number | boolean | Date | null | undefined;

const NEEDS_ESCAPE = /["\\]/;
const ESCAPED = /["\\]/g;

/**
 * An array literal (`{"a","b",NULL}`) with every element quoted, so `NULL`, commas,
 * braces and spaces inside values stay values. Written here rather than left to
 * the drivers: pg's own array serializer is ~3× slower on 200,000 elements, and
 * PGlite and pg then receive the same text.
 */
export function arrayLiteral(values: readonly ArrayElement[]): string {
  const parts: string[] = [];
  for (const value of values) {
    if (value === null || value === undefined) {
      parts.push('NULL');
      continue;
    }
    const text =
      typeof value === 'string'
        ? value
        : value instanceof Date
          ? value.toISOString()
          : String(value);
    parts.push(`"${NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, '\\$&') : text}"`);
  }
  return `{${parts.join(',')}}`;
}

/** `$n::type[]`: one parameter for the whole list. */
export function arrayParameter(
  values: readonly ArrayElement[],
  type: ArrayElementType,
): RawBuilder<unknown> {
  return sql`${arrayLiteral(values)}::${sql.raw(type)}[]`;
}

/** `ANY($n::type[])`, for `.where(column, '=', anyOf(keys, 'text'))`. */
export function anyOf(values: readonly ArrayElement[], type: ArrayElementType): RawBuilder<never> {
  return sql<never>`ANY(${arrayParameter(values, type)})`;
}

/** Columns of a table and the array type each travels as. */
export type ColumnTypes<Row> = { readonly [Column in keyof Row & string]?: ArrayElementType };

/**
 * `unnest($1::t1[], $2::t2[], …) AS alias(c1, c2, …)`: rows as a table of their
 * own, one array parameter per column, to join in an UPDATE … FROM or read in an
 * INSERT … SELECT.
 */
export function unnestRows<Row extends Record<string, ArrayElement>>(
  alias: string,
  columns: ColumnTypes<Row>,
  rows: readonly Row[],
): RawBuilder<unknown> {
  const names = Object.keys(columns) as (keyof Row & string)[];
  const arrays = names.map((name) =>
    arrayParameter(
      rows.map((row) => row[name]),
      columns[name] ?? 'text',
    ),
  );
  return sql`unnest(${sql.join(arrays)}) AS ${sql.ref(alias)}(${sql.join(names.map((name) => sql.ref(name)))})`;
}

/** Rows per statement: the parameter count is fixed; this only bounds a statement's size in memory. */
export const ROWS_PER_STATEMENT = 10_000;

/**
 * `items` in slices of `size`: a caller that builds the rows of a statement (and
 * its events) slice by slice holds one slice of them at a time, not the file's.
 */
export function* chunksOf<T>(
  items: readonly T[],
  size: number = ROWS_PER_STATEMENT,
): Generator<readonly T[]> {
  for (let start = 0; start < items.length; start += size) {
    yield items.slice(start, start + size);
  }
}

/**
 * Inserts `rows` into `table` through `INSERT … SELECT * FROM unnest(…)`, in
 * statements of `ROWS_PER_STATEMENT` rows, each with one parameter per column.
 */
export async function insertRows<Table extends keyof Database>(
  q: Queryable,
  table: Table,
  columns: ColumnTypes<Insertable<Database[Table]>>,
  rows: readonly Insertable<Database[Table]>[],
): Promise<void> {
  const names = Object.keys(columns);
  for (const rowsOfStatement of chunksOf(rows)) {
    const chunk = rowsOfStatement as unknown as readonly Record<string, ArrayElement>[];
    await sql`INSERT INTO ${sql.table(table)} (${sql.join(names.map((name) => sql.ref(name)))})
      SELECT * FROM ${unnestRows('row', columns as ColumnTypes<Record<string, ArrayElement>>, chunk)}`.execute(
      q,
    );
  }
}

/**
 * Updates rows of `table` of one company, matched on `id`, through
 * `UPDATE … FROM unnest(…)`, in statements of `ROWS_PER_STATEMENT` rows: each row
 * sets the `columns` it carries (`id` is the key, not set).
 */
export async function updateRows<Table extends keyof Database>(
  q: Queryable,
  table: Table,
  companyId: string,
  columns: ColumnTypes<Insertable<Database[Table]>> & { id: 'uuid' },
  rows: readonly Partial<Insertable<Database[Table]>>[],
): Promise<void> {
  const set = Object.keys(columns).filter((name) => name !== 'id');
  for (const rowsOfStatement of chunksOf(rows)) {
    const chunk = rowsOfStatement as unknown as readonly Record<string, ArrayElement>[];
    await sql`UPDATE ${sql.table(table)} AS t
      SET ${sql.join(set.map((name) => sql`${sql.ref(name)} = ${sql.ref(`row.${name}`)}`))}
      FROM ${unnestRows('row', columns as ColumnTypes<Record<string, ArrayElement>>, chunk)}
      WHERE t.company_id = ${companyId} AND t.id = row.id`.execute(q);
  }
}
