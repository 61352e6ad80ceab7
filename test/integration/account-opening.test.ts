/**
 * Account opening (issue 12): a prospect's checklist says what is missing; it becomes active
 * only through its opening — complete, or overridden with a reason by a role that may — and
 * never by changing its status directly; the decided limit counts, with its author.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { readEntityEvents } from '../../src/audit/service.ts';
import { decideCreditLimit } from '../../src/credit/decisions.ts';
import { activateCustomer, getAccountOpening } from '../../src/credit/opening-service.ts';
import { getCustomer, updateCustomer } from '../../src/customers/service.ts';
import { importFile } from '../../src/imports/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { ConflictError, ForbiddenError, InvalidError } from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const asRole = (ctx: Ctx, role: Ctx['role']): Ctx => ({ ...ctx, role });

describe('account opening', () => {
  it('lists what a bare prospect lacks and refuses to activate it, directly or through the opening', async () => {
    const { ctx } = await makeCompany(deps);
    const prospect = await makeCustomer(deps, ctx, { status: 'prospect', paymentMethod: 'cheque' });

    const opening = await getAccountOpening(deps, ctx, prospect.id);
    expect(opening).toMatchObject({ status: 'prospect', isComplete: false });
    expect(opening.blockingMissing).toEqual([
      'siren',
      'billing_address',
      'payables_contact',
      'credit_limit',
    ]);
    expect(opening.items.find((item) => item.code === 'payment_method')).toMatchObject({
      state: 'warning',
      blocking: false,
      reason: 'cheque_discouraged',
    });

    await expect(
      updateCustomer(deps, ctx, prospect.id, { status: 'active' }),
    ).rejects.toMatchObject({
      reason: 'prospect_activation_through_opening',
    });
    const refused = activateCustomer(deps, ctx, prospect.id);
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toMatchObject({
      reason: 'blocking_items_missing',
      issues: [
        { field: 'siren' },
        { field: 'billing_address' },
        { field: 'payables_contact' },
        { field: 'credit_limit' },
      ],
    });
    expect((await getCustomer(deps, ctx, prospect.id)).status).toBe('prospect');
  });

  it('refuses a customers file that would make a prospect active, on its line', async () => {
    const { ctx } = await makeCompany(deps);
    await makeCustomer(deps, ctx, { code: 'PROSP1', status: 'prospect' });
    await makeCustomer(deps, ctx, { code: 'ACTIF1' });
    const bytes = new TextEncoder().encode(
      'code,name,status\nPROSP1,Prospect SARL,active\nACTIF1,Client SARL,closed\nNEUF1,Nouveau SAS,active\n',
    );
    const options = { kind: 'customers', bytes, fileName: 'clients.csv', dryRun: false } as const;

    const refused = await importFile(deps, ctx, { ...options, partial: false });
    expect(refused).toMatchObject({ committed: false, rejected: 1 });
    expect(refused.errors.map((issue) => [issue.line, issue.field, issue.code])).toEqual([
      [2, 'status', 'prospect_activation_through_opening'],
    ]);
    const partial = await importFile(deps, ctx, { ...options, partial: true });
    expect(partial).toMatchObject({ committed: true, created: 1, updated: 1, rejected: 1 });
    const statuses = await Promise.all(
      ['PROSP1', 'ACTIF1', 'NEUF1'].map(async (code) => {
        const id = await deps.customers.findIdByCode(deps.db, ctx, code);
        return (await getCustomer(deps, ctx, id ?? '')).status;
      }),
    );
    expect(statuses).toEqual(['prospect', 'closed', 'active']);
  });

  it('activates over missing items only for a role that may, with a reason, and records what it passed over', async () => {
    const { ctx } = await makeCompany(deps);
    const prospect = await makeCustomer(deps, ctx, { status: 'prospect' });

    await expect(
      activateCustomer(deps, asRole(ctx, 'collector'), prospect.id, { reason: 'Urgent' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      activateCustomer(deps, asRole(ctx, 'credit_manager'), prospect.id, { reason: '  ' }),
    ).rejects.toBeInstanceOf(InvalidError);
    await activateCustomer(deps, asRole(ctx, 'credit_manager'), prospect.id, {
      reason: 'Commande urgente validée par la direction',
    });

    expect((await getCustomer(deps, ctx, prospect.id)).status).toBe('active');
    const events = await readEntityEvents(
      deps.db,
      ctx,
      [{ entityType: 'customer', entityId: prospect.id }],
      50,
    );
    expect(events.find((event) => event.action === 'credit.account_opened')?.data).toEqual({
      overridden: true,
      passedOver: ['siren', 'billing_address', 'payables_contact', 'credit_limit'],
      reason: 'Commande urgente validée par la direction',
    });
    await expect(activateCustomer(deps, ctx, prospect.id)).rejects.toMatchObject({
      reason: 'credit_not_prospect',
    });
  });

  it('activates a complete prospect, its limit decided by a named person', async () => {
    const { ctx } = await makeCompany(deps);
    const prospect = await makeCustomer(deps, ctx, {
      status: 'prospect',
      siren: '732829320',
      billingAddress: { line1: '3 rue du Port', postalCode: '13002', city: 'Marseille' },
      contacts: [
        { role: 'accounts_payable', name: 'Service comptable', email: 'compta@client.example' },
      ],
    });
    const named = { ...ctx, actor: { type: 'user' as const, id: null, name: 'Claire Martin' } };
    await decideCreditLimit(deps, named, prospect.id, {
      amountCents: 2_000_000,
      coveredCents: 0,
      cover: null,
      reviewOn: null,
      expiresOn: null,
      reason: 'Ouverture',
    });

    const opening = await getAccountOpening(deps, ctx, prospect.id);
    expect(opening).toMatchObject({ isComplete: true, blockingMissing: [] });
    await activateCustomer(deps, ctx, prospect.id);
    expect((await getCustomer(deps, ctx, prospect.id)).status).toBe('active');
  });
});
