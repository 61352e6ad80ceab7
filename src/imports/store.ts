import { sql } from 'kysely';
import type { Queryable } from '../db/client.ts';

/**
 * Takes the company's import lock until the transaction ends: a second import into
 * the same company waits for the first to commit, then finds its rows (ADR 13).
 * An advisory lock, so that nothing else — the API, other companies — waits for it.
 */
export async function beginCompanyImport(q: Queryable, companyId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`encaisse.import:${companyId}`}, 0))`.execute(
    q,
  );
}
