/**
 * Customers created or updated by code in the caller's transaction (imports), in
 * a fixed number of statements whatever their count.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { chunksOf } from '../db/array-parameters.ts';
import type { Queryable } from '../db/client.ts';
import { diffCustomer, type CustomerFields, type CustomerWithContacts } from './model.ts';
import { insertCustomersWithEvents, saveChanges, saveNew } from './service.ts';
import { findCustomersByCodes } from './store.ts';

export type CustomerUpsert = CustomerFields & {
  contacts?: {
    role: CustomerWithContacts['contacts'][number]['role'];
    name: string | null;
    email: string | null;
    phone: string | null;
  }[];
};

/** A customer to create or update by code: `build` says what it becomes over what is stored. */
export type CustomerUpsertInput = {
  code: string;
  build: (stored: CustomerWithContacts | undefined) => CustomerUpsert;
};

/**
 * Plans creating or updating customers by code inside the caller's transaction
 * (imports): what will happen to each code, and how to write it in a fixed number
 * of statements whatever their count (`write` is not called by a dry run).
 * Contacts given replace those of the same role; other roles are kept.
 *
 * Customers are read without locks; those that change are read again under their
 * row locks (in id order) and rebuilt from that, so a concurrent edit through the
 * API is never overwritten by a stale copy. An unchanged re-import locks nothing.
 */
export async function planCustomerUpserts(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  inputs: readonly CustomerUpsertInput[],
): Promise<{
  outcomes: Map<string, 'created' | 'updated' | 'unchanged'>;
  write: () => Promise<void>;
}> {
  requirePermission(ctx, 'customers:write');
  const codes = inputs.map((input) => input.code);
  const existing = await findCustomersByCodes(tx, ctx.companyId, [...new Set(codes)]);
  const changing = inputs.flatMap((input) => {
    const before = existing.get(input.code);
    return before && reviseCustomer(deps, before, input.build(before)).changes ? [input.code] : [];
  });
  for (const [code, locked] of await findCustomersByCodes(tx, ctx.companyId, changing, {
    forUpdate: true,
  })) {
    existing.set(code, locked);
  }
  const created: CustomerWithContacts[] = [];
  const changes: { after: CustomerWithContacts; changes: Record<string, unknown> }[] = [];
  const outcomes = new Map<string, 'created' | 'updated' | 'unchanged'>();
  for (const input of inputs) {
    const before = existing.get(input.code);
    if (!before) {
      const { contacts, ...fields } = input.build(undefined);
      created.push(saveNew(deps, fields, contacts ?? []));
      outcomes.set(input.code, 'created');
      continue;
    }
    const revision = reviseCustomer(deps, before, input.build(before));
    if (revision.changes) {
      changes.push({ after: revision.after, changes: revision.changes });
    }
    outcomes.set(input.code, revision.changes ? 'updated' : 'unchanged');
  }
  return {
    outcomes,
    // Rows and their events are built slice by slice: one slice in memory at a time.
    write: async () => {
      for (const chunk of chunksOf(created)) {
        await insertCustomersWithEvents(tx, ctx, chunk);
      }
      for (const chunk of chunksOf(changes)) {
        await saveChanges(deps, tx, ctx, chunk);
      }
    },
  };
}

/** `upsert` over the stored `before`, and its field-level changes (none: `undefined`). */
function reviseCustomer(
  deps: Deps,
  before: CustomerWithContacts,
  { contacts, ...fields }: CustomerUpsert,
): { after: CustomerWithContacts; changes: Record<string, unknown> | undefined } {
  const replacedRoles = new Set((contacts ?? []).map((contact) => contact.role));
  const keptContacts = before.contacts.filter((contact) => !replacedRoles.has(contact.role));
  const newContacts = (contacts ?? []).map((contact) => {
    const same = before.contacts.find(
      (old) =>
        old.role === contact.role &&
        old.name === contact.name &&
        old.email === contact.email &&
        old.phone === contact.phone,
    );
    return same ?? { ...contact, id: deps.ids.newId() };
  });
  const after = { ...fields, id: before.id, contacts: [...keptContacts, ...newContacts] };
  const changes = diffCustomer(before, after);
  return { after, changes: Object.keys(changes).length === 0 ? undefined : changes };
}
