/**
 * The one way a use case opens a transaction. Two things the database may say
 * under concurrency are turned into what they mean, here, for every service:
 * - a **unique violation** (SQLSTATE 23505: another writer committed the same key
 *   first) is a `ConflictError` naming the key (409 / exit 5), never a 500;
 * - a **deadlock** or **serialization failure** (40P01, 40001) aborts the whole
 *   transaction and nothing of it was saved, so it is run again, a few times.
 *   Writers take their row locks in one order (ADR 13) so that this stays rare.
 * Both drivers report the same fields (`code`, `table`, `detail`): PGlite throws
 * PostgreSQL's own error, pg its `DatabaseError`.
 */
import { ConflictError } from '../shared/errors.ts';
import type { Db, Tx } from './client.ts';

type DatabaseErrorFields = { code?: unknown; table?: unknown; detail?: unknown };

function sqlState(error: unknown): string | undefined {
  const code = (error as DatabaseErrorFields | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

const UNIQUE_VIOLATION = '23505';
const RETRYABLE = new Set(['40P01', '40001']);

/** Attempts of a transaction that the database aborted to break a deadlock. */
export const TRANSACTION_ATTEMPTS = 3;

/**
 * The key of a unique violation, read from PostgreSQL's detail
 * (`Key (company_id, code)=(0193…, RACE1) already exists.`) without the company,
 * which every key starts with and which says nothing to the user.
 */
export function duplicateKey(detail: string): { columns: string[]; values: string[] } | undefined {
  const match = /^Key \((.+)\)=\((.*)\) already exists\.?$/s.exec(detail);
  if (!match) {
    return undefined;
  }
  const columns = (match[1] ?? '').split(', ');
  let values = (match[2] ?? '').split(', ');
  if (values.length !== columns.length) {
    // A value holds ", ": the leading columns are ids, the rest is the last value.
    values = [...values.slice(0, columns.length - 1), values.slice(columns.length - 1).join(', ')];
  }
  const kept = columns.flatMap((column, index) =>
    column === 'company_id' ? [] : [{ column, value: values[index] ?? '' }],
  );
  return { columns: kept.map((k) => k.column), values: kept.map((k) => k.value) };
}

/** A unique violation as the conflict it is: "A customer with code RACE1 already exists". */
export function conflictFromUniqueViolation(error: unknown): ConflictError | undefined {
  if (sqlState(error) !== UNIQUE_VIOLATION) {
    return undefined;
  }
  const { table, detail } = error as DatabaseErrorFields;
  const entity = typeof table === 'string' ? table.replace(/_/g, ' ') : 'row';
  const key = typeof detail === 'string' ? duplicateKey(detail) : undefined;
  if (!key) {
    return new ConflictError(`This ${entity} already exists`, [], { cause: error });
  }
  const described = key.columns.map((column, index) => `${column} ${key.values[index]}`).join(', ');
  const article = /^[aeiou]/.test(entity) ? 'An' : 'A';
  return new ConflictError(
    `${article} ${entity} with ${described} already exists`,
    [
      {
        field: key.columns.at(-1) ?? 'key',
        code: 'duplicate',
        message: `${described} is already used`,
      },
    ],
    { cause: error },
  );
}

/**
 * Runs `work` in a transaction: committed if it returns, rolled back if it throws.
 * A deadlock or serialization failure runs it again (`work` must not keep state
 * from a failed attempt); a unique violation becomes a `ConflictError`.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      const state = sqlState(error);
      if (state !== undefined && RETRYABLE.has(state) && attempt < TRANSACTION_ATTEMPTS) {
        continue;
      }
      throw conflictFromUniqueViolation(error) ?? error;
    }
  }
}
