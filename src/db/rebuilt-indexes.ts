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
 * When none of `tables` holds a row (a first load into a new database), runs `load`
 * with their keys, indexes and foreign keys dropped, then rebuilds them, all in the
 * caller's transaction, and returns true; otherwise returns false without calling
 * `load`. Building an index from sorted rows and checking a foreign key with one
 * join cost a fraction of maintaining nine B-trees and running one lookup per row
 * through a million-row load. Nothing is skipped: the rebuilt constraints check
 * every loaded row, and a violation fails the whole transaction.
 *
 * The tables are locked until the transaction ends, and emptied in it, so `load`
 * may COPY with `freeze` (rows written frozen and all-visible: no VACUUM pass to
 * set hint bits and the visibility map afterwards).
 */
export async function loadIntoEmptyTables(
  session: BulkSession,
  tables: readonly string[],
  load: () => Promise<void>,
): Promise<boolean> {
  const list = tables.join(', ');
  await session.query(`LOCK TABLE ${list} IN ACCESS EXCLUSIVE MODE`);
  const [row] = await session.query<{ empty: boolean }>(
    `SELECT ${tables.map((table) => `NOT EXISTS (SELECT 1 FROM ${table})`).join(' AND ')} AS empty`,
  );
  if (row?.empty !== true) {
    return false;
  }
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
  // Already empty: truncating makes them "emptied in this transaction", which COPY
  // FREEZE requires. It needs the foreign keys gone, as they now are.
  await session.query(`TRUNCATE ${list}`);
  await load();
  for (const constraint of keys) {
    await addConstraint(session, constraint);
  }
  for (const index of indexes) {
    await session.query(index.definition);
  }
  // Statistics first: without them the planner checks each foreign key with a
  // merge join over unsorted millions instead of a hash join.
  await session.query(`ANALYZE ${list}`);
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
