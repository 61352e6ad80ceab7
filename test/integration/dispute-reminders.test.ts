/**
 * Reminders and escalation of disputes on a real database (docs/disputes.md « Reminders and
 * escalation »): the assignee is reminded two days before the deadline and the day after
 * it, the department's manager three days after it; each once, through the outbox, each
 * e-mail with a fresh department link that opens its dispute; disputes waiting for the
 * customer, without an assignee's e-mail or far from their deadline get nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import { authenticateAccessLink, listAccessLinks } from '../../src/access/service.ts';
import { readEntityEvents } from '../../src/audit/service.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { inTransaction } from '../../src/db/transaction.ts';
import { createDepartment } from '../../src/disputes/configuration.ts';
import { updateDispute } from '../../src/disputes/manage.ts';
import { remindDisputeOwnersInTx, reminderDue } from '../../src/disputes/reminders.ts';
import { openDispute } from '../../src/disputes/service.ts';
import { findDispute } from '../../src/disputes/store.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import { openTestRuntime, TEST_NOW } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const day = calendarDate;
const NBSP = '\u00a0';
const PUBLIC_URL = 'https://encaisse.example.test/';

type Mail = {
  recipients: string[];
  subject: string;
  body_text: string;
  source_id: string;
  id: string;
};

async function mailsOf(ctx: Ctx): Promise<Mail[]> {
  const { rows } = await sql<Mail>`
    SELECT id, recipients, subject, body_text, source_id FROM outbox_message
    WHERE company_id = ${ctx.companyId} AND source_type = 'dispute'
    ORDER BY created_at, id`.execute(deps.db);
  return rows;
}

function remind(ctx: Ctx, today: string) {
  return inTransaction(deps.db, (tx) =>
    remindDisputeOwnersInTx(deps, tx, ctx, day(today), { publicUrl: PUBLIC_URL }),
  );
}

/**
 * Seven disputes opened on 15 March 2026 (TEST_NOW), each on its own invoice:
 * D1 due 20/03, D2 18/03, D3 17/03 (logistics: a manager), D4 30/03, D5 20/03 without an
 * assignee's e-mail, D6 18/03 waiting for the customer, D7 17/03 (sales: no manager's e-mail).
 */
async function company() {
  const { ctx } = await makeCompany(deps);
  const customer = await makeCustomer(deps, ctx, { legalName: 'Bois & Fils SARL' });
  await makeInvoices(
    deps,
    ctx,
    customer.id,
    [1, 2, 3, 4, 5, 6, 7].map((n) => ({
      number: `F${n}`,
      issueDate: '2026-02-01',
      dueDate: '2026-03-03',
      amount: n * 10_000,
    })),
  );
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM invoice WHERE company_id = ${ctx.companyId} ORDER BY number`.execute(deps.db);
  const invoiceIds = rows.map((row) => row.id);
  const logistics = await createDepartment(deps, ctx, {
    code: 'logistique',
    name: 'Logistique',
    manager: { name: 'Claire Durand', email: 'claire.durand@example.test' },
  });
  const sales = await createDepartment(deps, ctx, { code: 'ventes', name: 'Ventes' });
  const open = (n: number, deadline: string, extra: object = {}) =>
    openDispute(deps, ctx, {
      invoices: [{ invoiceId: invoiceIds[n - 1] ?? '' }],
      cause: 'not_delivered',
      deadline: day(deadline),
      assignee: { name: `Agent ${n}`, email: `agent${n}@example.test` },
      ...extra,
    });
  const d = {
    d1: await open(1, '2026-03-20'),
    d2: await open(2, '2026-03-18'),
    d3: await open(3, '2026-03-17', { departmentId: logistics.id }),
    d4: await open(4, '2026-03-30'),
    d5: await open(5, '2026-03-20', { assignee: { name: 'Sans adresse', email: null } }),
    d6: await open(6, '2026-03-18'),
    d7: await open(7, '2026-03-17', { departmentId: sales.id }),
  };
  await updateDispute(deps, ctx, d.d6.id, { status: 'waiting_customer' });
  return { ctx, customer, ...d };
}

describe('reminderDue', () => {
  const base = {
    deadline: day('2026-03-20'),
    remindedOn: null,
    escalatedOn: null,
    department: null,
  };
  const manager = { name: 'L', managerName: 'C', managerEmail: 'c@example.test' };
  it.each([
    ['2026-03-17', {}, { remind: null, escalate: false }],
    ['2026-03-18', {}, { remind: 'reminder', escalate: false }],
    ['2026-03-20', {}, { remind: 'reminder', escalate: false }],
    ['2026-03-19', { remindedOn: day('2026-03-18') }, { remind: null, escalate: false }],
    ['2026-03-19', { remindedOn: day('2026-03-10') }, { remind: 'reminder', escalate: false }],
    ['2026-03-21', { remindedOn: day('2026-03-18') }, { remind: 'overdue', escalate: false }],
    ['2026-03-21', { remindedOn: day('2026-03-20') }, { remind: 'overdue', escalate: false }],
    ['2026-03-22', { remindedOn: day('2026-03-21') }, { remind: null, escalate: false }],
    [
      '2026-03-23',
      { remindedOn: day('2026-03-21'), department: manager },
      { remind: null, escalate: true },
    ],
    [
      '2026-03-22',
      { remindedOn: day('2026-03-21'), department: manager },
      { remind: null, escalate: false },
    ],
    [
      '2026-03-30',
      { remindedOn: day('2026-03-21'), department: manager, escalatedOn: day('2026-03-23') },
      { remind: null, escalate: false },
    ],
    [
      '2026-03-23',
      { remindedOn: day('2026-03-21'), department: { ...manager, managerEmail: null } },
      { remind: null, escalate: false },
    ],
  ])('on %s with %o: %o', (today, overrides, expected) => {
    expect(reminderDue({ ...base, ...overrides }, day(today))).toEqual(expected);
  });
});

describe('remindDisputeOwnersInTx', () => {
  it('reminds before and after the deadline, escalates three days after: each once, through the outbox', async () => {
    const { ctx, d1, d2, d3, d7 } = await company();

    expect(await remind(ctx, '2026-03-20')).toEqual({ reminded: 4, escalated: 1 });
    const first = await mailsOf(ctx);
    const byDispute = (id: string) => first.filter((mail) => mail.source_id === id);
    expect(
      first.map((mail) => mail.recipients[0] ?? '').toSorted((a, b) => a.localeCompare(b)),
    ).toEqual([
      'agent1@example.test',
      'agent2@example.test',
      'agent3@example.test',
      'agent7@example.test',
      'claire.durand@example.test',
    ]);
    expect(byDispute(d1.id).map((mail) => mail.subject)).toEqual([
      `Rappel${NBSP}: le litige ${d1.reference} (Bois & Fils SARL) attend votre réponse pour le 20/03/2026`,
    ]);
    expect(byDispute(d2.id).map((mail) => mail.subject)).toEqual([
      `Litige ${d2.reference} (Bois & Fils SARL)${NBSP}: la réponse était attendue le 18/03/2026`,
    ]);
    const [overdue, escalation] = byDispute(d3.id);
    expect(overdue?.recipients).toEqual(['agent3@example.test']);
    expect(escalation).toMatchObject({
      recipients: ['claire.durand@example.test'],
      subject: `Escalade${NBSP}: le litige ${d3.reference} (Bois & Fils SARL) est sans réponse depuis le 17/03/2026`,
    });
    expect(escalation?.body_text).toContain('Bonjour Claire Durand,');
    expect(escalation?.body_text).toContain('(Logistique)');
    expect(escalation?.body_text).toContain('Il avait été confié à Agent 3.');
    expect(byDispute(d7.id)).toHaveLength(1);
    const text = byDispute(d1.id)[0]?.body_text ?? '';
    expect(text).toContain('Bonjour Agent 1,');
    expect(text).toContain(
      `Litige ${d1.reference} — Bois & Fils SARL — Non livré / sans preuve de livraison${NBSP}: 100,00${NBSP}€, réponse attendue le 20/03/2026.`,
    );

    // Each e-mail's link is its own, opens its dispute, and says which e-mail carried it.
    for (const mail of first) {
      const token = /https:\/\/encaisse\.example\.test\/reponse#([A-Za-z0-9_-]{43})/.exec(
        mail.body_text,
      )?.[1];
      expect(token).toBeDefined();
      const { ctx: holder, link } = await authenticateAccessLink(deps, token ?? '', TEST_NOW);
      expect(holder.audience).toMatchObject({ kind: 'department', disputeId: mail.source_id });
      expect(link).toMatchObject({
        messageId: mail.id,
        recipientEmail: mail.recipients[0],
        expiresAt: new Date(TEST_NOW.getTime() + 14 * 86_400_000),
      });
    }
    expect(await findDispute(deps.db, ctx.companyId, d3.id)).toMatchObject({
      remindedOn: '2026-03-20',
      escalatedOn: '2026-03-20',
    });
    const events = await readEntityEvents(
      deps.db,
      ctx,
      [{ entityType: 'dispute', entityId: d3.id }],
      2,
    );
    expect(events.map((event) => [event.action, event.data['kind']])).toEqual([
      ['dispute.escalated', 'escalation'],
      ['dispute.reminded', 'overdue'],
    ]);

    // Once each: the same day again sends nothing; the next day only D1's overdue reminder.
    expect(await remind(ctx, '2026-03-20')).toEqual({ reminded: 0, escalated: 0 });
    expect(await remind(ctx, '2026-03-21')).toEqual({ reminded: 1, escalated: 0 });
    const second = (await mailsOf(ctx)).slice(first.length);
    expect(second.map((mail) => [mail.source_id, mail.recipients[0]])).toEqual([
      [d1.id, 'agent1@example.test'],
    ]);
    expect(await remind(ctx, '2026-03-22')).toEqual({ reminded: 0, escalated: 0 });
    expect(await remind(ctx, '2026-03-27')).toEqual({ reminded: 0, escalated: 0 });
    expect(await mailsOf(ctx)).toHaveLength(first.length + 1);
    // The e-mail's links are fresh ones: D1 has one per reminder, none renewed.
    expect(await listAccessLinks(deps.db, ctx, { disputeId: d1.id })).toHaveLength(2);
  });

  it('sends nothing before two days from the deadline', async () => {
    const { ctx } = await company();
    expect(await remind(ctx, '2026-03-14')).toEqual({ reminded: 0, escalated: 0 });
    expect(await mailsOf(ctx)).toEqual([]);
  });
});
