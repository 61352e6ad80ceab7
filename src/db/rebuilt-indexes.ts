import type { BulkSession } from './bulk-copy.ts';

type Constraint = { tableName: string; name: string; kind: 'p' | 'u' | 'f'; definition: string };
type Index = { name: string; definition: string };

/**
 * The keys, unique constraints and indexes of `tables`, and every foreign key from
 * or to them, as the catalog defines them now: what to drop, and how to rebuild it
 * exactly as the migrations made it.
 */
async function definitionsOf(session: BulkSession, tables: readonly string[]) {
  const constraints = await session.query<Constraint>(
    `SELECT c.conrelid::regclass::text AS "tableName", quote_ident(c.conname) AS name,
            c.contype AS kind, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE (c.contype IN ('p', 'u') AND c.conrelid = ANY($1::text[]::regclass[]))
         OR (c.contype = 'f' AND (c.conrelid = ANY($1::text[]::regclass[])
                                  OR c.confrelid = ANY($1::text[]::regclass[])))
      ORDER BY c.conrelid, c.conname`,
    [tables],
  );
  const indexes = await session.query<Index>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::text[]::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                         WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid
                           AND c.contype IN ('p', 'u', 'x'))
      ORDER BY i.indexrelid`,
    [tables],
  );
  return {
    foreignKeys: constraints.filter((constraint) => constraint.kind === 'f'),
    keys: constraints.filter((constraint) => constraint.kind !== 'f'),
    indexes,
  };
}

/**
 * When no company but `companyId` has a row in `tables` (its first load into a new
 * database), runs `load` with their keys, indexes and foreign keys dropped, then
 * rebuilds them, all in the caller's transaction, and returns true; otherwise
 * returns false without calling `load`. Building an index from sorted rows and
 * checking a foreign key with one join cost a fraction of maintaining twenty
 * B-trees and running one lookup per row through a million-row load. Nothing is
 * skipped: the rebuilt constraints check every row, and a violation fails the whole
 * transaction.
 *
 * The tables are locked until the transaction ends. Those without any row are
 * emptied in it, so `load` may COPY into them with `freeze` (rows written frozen and
 * all-visible, sparing the VACUUM pass that would set hint bits later): `load`
 * receives their names.
 */
export async function loadAsOnlyCompany(
  session: BulkSession,
  target: { companyId: string; tables: readonly string[] },
  load: (emptied: readonly string[]) => Promise<void>,
): Promise<boolean> {
  const { tables } = target;
  await session.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
  const contents = await session.query<{ table: string; others: boolean; empty: boolean }>(
    tables
      .map(
        (table) =>
          `SELECT '${table}' AS table,
                  EXISTS (SELECT 1 FROM ${table} WHERE company_id <> $1) AS others,
                  NOT EXISTS (SELECT 1 FROM ${table}) AS empty`,
      )
      .join(' UNION ALL '),
    [target.companyId],
  );
  if (contents.some((content) => content.others)) {
    return false;
  }
  const emptied = contents.filter((content) => content.empty).map((content) => content.table);
  // Sorts for the indexes and hash joins for the checks, in memory rather than on disk.
  await session.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  await session.query(`SET LOCAL work_mem = '256MB'`);
  const { foreignKeys, keys, indexes } = await definitionsOf(session, tables);
  for (const constraint of [...foreignKeys, ...keys]) {
    await session.query(`ALTER TABLE ${constraint.tableName} DROP CONSTRAINT ${constraint.name}`);
  }
  for (const index of indexes) {
    await session.query(`DROP INDEX ${index.name}`);
  }
  if (emptied.length > 0) {
    // Already empty: truncating makes them "emptied in this transaction", which COPY
    // FREEZE requires. It needs the foreign keys gone, as they now are.
    await session.query(`TRUNCATE ${emptied.join(', ')}`);
  }
  await load(emptied);
  for (const constraint of keys) {
    await addConstraint(session, constraint);
  }
  for (const index of indexes) {
    await session.query(index.definition);
  }
  // Statistics first: without them the planner checks each foreign key with a
  // merge join over unsorted millions instead of a hash join.
  await session.query(`ANALYZE ${tables.join(', ')}`);
  for (const constraint of foreignKeys) {
    await addConstraint(session, constraint);
  }
  return true;
}

function addConstraint(session: BulkSession, constraint: Constraint) {
  return session.query(
    `ALTER TABLE ${constraint.tableName} ADD CONSTRAINT ${constraint.name} ${constraint.definition}`,
  );
}
