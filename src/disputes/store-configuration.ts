/**
 * The SQL of the company's dispute causes and departments (tables `dispute_cause`,
 * `department`, migration 202612040100). Every statement filters on the company.
 */
import type { Selectable } from 'kysely';
import type { Queryable } from '../db/client.ts';
import type { StoredCause } from './causes.ts';
import { disputesDb, type DepartmentTable } from './tables.ts';

/** A department that answers disputes, and whom a late answer is escalated to. */
export type Department = {
  id: string;
  code: string;
  name: string;
  defaultAssignee: { name: string | null; email: string | null };
  manager: { name: string | null; email: string | null };
  isActive: boolean;
};

function toDepartment(row: Selectable<DepartmentTable>): Department {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    defaultAssignee: { name: row.default_assignee_name, email: row.default_assignee_email },
    manager: { name: row.manager_name, email: row.manager_email },
    isActive: row.is_active,
  };
}

/** The company's rows of `dispute_cause` (its changes to the defaults, and its own causes). */
export async function listStoredCauses(q: Queryable, companyId: string): Promise<StoredCause[]> {
  const rows = await disputesDb(q)
    .selectFrom('dispute_cause')
    .select(['code', 'label', 'deadline_days', 'is_active', 'position'])
    .where('company_id', '=', companyId)
    .execute();
  return rows.map((row) => ({
    code: row.code,
    label: row.label,
    deadlineDays: row.deadline_days,
    isActive: row.is_active,
    position: row.position,
  }));
}

/** Writes the company's cause `cause.code` as given (a default's overlay, or its own). */
export async function upsertCause(
  q: Queryable,
  companyId: string,
  cause: StoredCause,
  now: Date,
): Promise<void> {
  await disputesDb(q)
    .insertInto('dispute_cause')
    .values({
      company_id: companyId,
      code: cause.code,
      label: cause.label,
      deadline_days: cause.deadlineDays,
      is_active: cause.isActive,
      position: cause.position,
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) =>
      conflict.columns(['company_id', 'code']).doUpdateSet({
        label: cause.label,
        deadline_days: cause.deadlineDays,
        is_active: cause.isActive,
        position: cause.position,
        updated_at: now,
      }),
    )
    .execute();
}

/** The company's departments, by name. */
export async function listDepartmentRows(q: Queryable, companyId: string): Promise<Department[]> {
  const rows = await disputesDb(q)
    .selectFrom('department')
    .selectAll()
    .where('company_id', '=', companyId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toDepartment);
}

/** The company's department `id`, if it has one. */
export async function findDepartment(
  q: Queryable,
  companyId: string,
  id: string,
): Promise<Department | undefined> {
  const row = await disputesDb(q)
    .selectFrom('department')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : toDepartment(row);
}

/** The company's department of `code`, if it has one. */
export async function findDepartmentByCode(
  q: Queryable,
  companyId: string,
  code: string,
): Promise<Department | undefined> {
  const row = await disputesDb(q)
    .selectFrom('department')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row === undefined ? undefined : toDepartment(row);
}

function departmentColumns(department: Department) {
  return {
    code: department.code,
    name: department.name,
    default_assignee_name: department.defaultAssignee.name,
    default_assignee_email: department.defaultAssignee.email,
    manager_name: department.manager.name,
    manager_email: department.manager.email,
    is_active: department.isActive,
  };
}

/**
 * Inserts `department` unless the company has one of its code; `false` then (the unique
 * key decides between two at once, without aborting the transaction).
 */
export async function insertDepartment(
  q: Queryable,
  companyId: string,
  department: Department,
  now: Date,
): Promise<boolean> {
  const row = await disputesDb(q)
    .insertInto('department')
    .values({
      company_id: companyId,
      id: department.id,
      ...departmentColumns(department),
      created_at: now,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.columns(['company_id', 'code']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Writes `department` over the stored one; `false` when its code is another department's
 * (checked in the statement, so that the unique key is never violated).
 */
export async function updateDepartmentRow(
  q: Queryable,
  companyId: string,
  department: Department,
  now: Date,
): Promise<boolean> {
  const row = await disputesDb(q)
    .updateTable('department')
    .set({ ...departmentColumns(department), updated_at: now })
    .where('company_id', '=', companyId)
    .where('id', '=', department.id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('department as other')
            .select('other.id')
            .where('other.company_id', '=', companyId)
            .where('other.code', '=', department.code)
            .where('other.id', '<>', department.id),
        ),
      ),
    )
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
