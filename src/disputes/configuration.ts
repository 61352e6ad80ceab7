/**
 * The company's dispute causes and departments (docs/disputes.md « Causes and
 * departments »): read with `dispute:read`, changed with `dispute:manage`.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { authorize } from '../app/policy.ts';
import { recordEvents } from '../audit/service.ts';
import { inTransaction } from '../db/transaction.ts';
import { ConflictError, DomainError, invalidField } from '../shared/errors.ts';
import type { DisputeCause } from './causes.ts';
import { causesIn } from './service.ts';
import {
  findDepartment,
  insertDepartment,
  listDepartmentRows,
  updateDepartmentRow,
  upsertCause,
  type Department,
} from './store-configuration.ts';

export type { Department } from './store-configuration.ts';

/** The company's causes: the defaults as it changed them, then its own, by position. */
export async function listCauses(deps: Deps, ctx: Ctx): Promise<DisputeCause[]> {
  authorize(ctx, 'dispute:read');
  return causesIn(deps.db, ctx);
}

/** What a cause is saved with. */
export type SaveCauseInput = {
  /** Null: a default's own words; left out: unchanged (required for a new cause). */
  label?: string | null | undefined;
  deadlineDays: number;
  isActive?: boolean | undefined;
  position?: number | undefined;
};

/**
 * Saves the cause `code`: renames, re-times or retires a default, or adds the company's own
 * (placed last unless `position` says). Disputes already filed under it keep it. Event
 * `dispute_cause.saved`.
 */
export async function saveCause(
  deps: Deps,
  ctx: Ctx,
  code: string,
  input: SaveCauseInput,
): Promise<DisputeCause> {
  authorize(ctx, 'dispute:manage');
  return inTransaction(deps.db, async (tx) => {
    const causes = await causesIn(tx, ctx);
    const current = causes.find((cause) => cause.code === code);
    const last = Math.max(0, ...causes.map((cause) => cause.position));
    const label =
      input.label === undefined ? (current?.label ?? null) : (input.label?.trim() ?? null);
    const isDefault = current?.isDefault ?? false;
    if (label === null && !isDefault) {
      throw invalidField('label', 'dispute_cause_label_required');
    }
    const saved = {
      code,
      label,
      deadlineDays: input.deadlineDays,
      isActive: input.isActive ?? current?.isActive ?? true,
      position: input.position ?? current?.position ?? last + 10,
    };
    await upsertCause(tx, ctx.companyId, saved, deps.clock.now());
    await recordEvents(tx, ctx, [
      {
        action: 'dispute_cause.saved',
        entityType: 'dispute_cause',
        entityId: ctx.companyId,
        customerId: null,
        data: { ...saved, before: current ?? null },
      },
    ]);
    return { ...saved, isDefault };
  });
}

/** The company's departments, by name. */
export async function listDepartments(deps: Deps, ctx: Ctx): Promise<Department[]> {
  authorize(ctx, 'dispute:read');
  return listDepartmentRows(deps.db, ctx.companyId);
}

type Person = { name?: string | null | undefined; email?: string | null | undefined };

/** What a department is created with. */
export type DepartmentInput = {
  code: string;
  name: string;
  defaultAssignee?: Person | undefined;
  manager?: Person | undefined;
  isActive?: boolean | undefined;
};

function personOf(
  given: Person | undefined,
  current: { name: string | null; email: string | null },
): { name: string | null; email: string | null } {
  return given === undefined ? current : { name: given.name ?? null, email: given.email ?? null };
}

function departmentNotFound(id: string): DomainError {
  return new DomainError('not_found', 'department_not_found', { key: id });
}

/** Records `department.saved` for `department` (`before`: null when new). */
async function recordSaved(
  tx: Parameters<typeof recordEvents>[0],
  ctx: Ctx,
  department: Department,
  before: Department | null,
): Promise<void> {
  await recordEvents(tx, ctx, [
    {
      action: 'department.saved',
      entityType: 'department',
      entityId: department.id,
      customerId: null,
      data: { after: department, before },
    },
  ]);
}

/** Creates a department; 409 `department_code_taken` when the company has one of its code. */
export async function createDepartment(
  deps: Deps,
  ctx: Ctx,
  input: DepartmentInput,
): Promise<Department> {
  authorize(ctx, 'dispute:manage');
  const none = { name: null, email: null };
  const department: Department = {
    id: deps.ids.newId(),
    code: input.code,
    name: input.name.trim(),
    defaultAssignee: personOf(input.defaultAssignee, none),
    manager: personOf(input.manager, none),
    isActive: input.isActive ?? true,
  };
  return inTransaction(deps.db, async (tx) => {
    if (!(await insertDepartment(tx, ctx.companyId, department, deps.clock.now()))) {
      throw new ConflictError('department_code_taken', { code: input.code });
    }
    await recordSaved(tx, ctx, department, null);
    return department;
  });
}

/**
 * Changes the department `id` (what is given; the rest kept). A retired department
 * (`isActive: false`) keeps its disputes but takes no new one. 404, or 409 for a code taken.
 */
export async function updateDepartment(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: { [Key in keyof DepartmentInput]?: DepartmentInput[Key] | undefined },
): Promise<Department> {
  authorize(ctx, 'dispute:manage');
  return inTransaction(deps.db, async (tx) => {
    const before = await findDepartment(tx, ctx.companyId, id);
    if (before === undefined) {
      throw departmentNotFound(id);
    }
    const after: Department = {
      id,
      code: input.code ?? before.code,
      name: input.name?.trim() ?? before.name,
      defaultAssignee: personOf(input.defaultAssignee, before.defaultAssignee),
      manager: personOf(input.manager, before.manager),
      isActive: input.isActive ?? before.isActive,
    };
    if (!(await updateDepartmentRow(tx, ctx.companyId, after, deps.clock.now()))) {
      throw new ConflictError('department_code_taken', { code: after.code });
    }
    await recordSaved(tx, ctx, after, before);
    return after;
  });
}
