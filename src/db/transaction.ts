/**
 * The one way a use case opens a transaction. Two things the database may say
 * under concurrency are turned into what they mean, here, for every service:
 * - a **unique violation** (SQLSTATE 23505: another writer committed the same key
 *   first) is a `ConflictError` naming the key (409 / exit 5), never a 500;
 * - a **deadlock** or **serialization failure** (40P01, 40001) aborts the whole
 *   transaction and nothing of it was saved, so it is run again, a few times.
 *   Writers take their row locks in one order (ADR 13) so that this stays rare.
 * (`db/errors.ts` says what each database error means.)
 */
import type { Db, Tx } from './client.ts';
import { domainErrorOfDatabase, sqlState } from './errors.ts';

const RETRYABLE = new Set(['40P01', '40001']);

/** Attempts of a transaction that the database aborted to break a deadlock. */
export const TRANSACTION_ATTEMPTS = 3;

/**
 * Runs `work` in a transaction: committed if it returns, rolled back if it throws.
 * A deadlock or serialization failure runs it again (`work` must not keep state
 * from a failed attempt); a database error with a meaning (errors.ts) becomes its domain error.
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
      throw domainErrorOfDatabase(error) ?? error;
    }
  }
}
