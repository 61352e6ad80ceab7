/**
 * The agenda and the daily run over HTTP: a credit manager previews and runs the day, a
 * collector sees their own calls by default, records one with a promise in one request,
 * cannot record it twice (409), snoozes only to a later day (400); a read-only user reads
 * but may not act (403).
 */
import { describe, expect, it } from 'vitest';
import {
  ZAgendaPage,
  ZCompleted,
  ZRunList,
  ZRunReport,
} from '../../../src/dunning/agenda-schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser } from '../../factories.ts';
import { expectProblem, signIn, writeHeaders, type Session, useHttpApp } from './http-helpers.ts';

const http = useHttpApp();

function send(session: Session, url: string, payload: object = {}) {
  return http.app.inject({
    method: 'POST',
    url,
    headers: writeHeaders(session),
    payload: payload as Record<string, unknown>,
  });
}

function get(session: Session, url: string) {
  return http.app.inject({ url, headers: { cookie: session.cookie } });
}

describe('/api/agenda and /api/dunning/runs', () => {
  it('runs the day, ranks the collector’s calls, and records a call with a promise once', async () => {
    const { ctx } = await makeCompany(http.deps);
    const manager = await makeUser(http.deps, ctx, 'credit_manager');
    const collector = await makeUser(http.deps, ctx, 'collector');
    const reader = await makeUser(http.deps, ctx, 'read_only');
    const managerSession = await signIn(http.app, manager.email, manager.password);
    const collectorSession = await signIn(http.app, collector.email, collector.password);
    const readerSession = await signIn(http.app, reader.email, reader.password);

    const created = await http.app.inject({
      method: 'POST',
      url: '/api/dunning/scenarios',
      headers: writeHeaders(managerSession),
      payload: {
        name: 'Appel d’abord',
        isCompanyDefault: true,
        steps: [{ offsetDays: 5, channel: 'call', templateId: 'call_script' }],
      },
    });
    expect(created.statusCode).toBe(201);
    // The big balance ranks first, the small one second, another collector's not at all.
    for (const [amount, collectorUserId] of [
      [20_000, collector.id],
      [900_000, collector.id],
      [500_000, manager.id],
    ] as const) {
      const customer = await makeCustomer(http.deps, ctx, { collectorUserId });
      await makeInvoices(http.deps, ctx, customer.id, [
        { number: `FA-${amount}`, issueDate: '2026-02-01', dueDate: '2026-03-10', amount },
      ]);
    }

    const preview = await send(managerSession, '/api/dunning/runs', { dryRun: true });
    expect(preview.statusCode).toBe(200);
    expect(ZRunReport.parse(preview.json()).counts).toMatchObject({ actions: 3, tasks: 3 });
    expectProblem(await send(collectorSession, '/api/dunning/runs', {}), 403);
    const ran = await send(managerSession, '/api/dunning/runs', {});
    expect(ZRunReport.parse(ran.json()).counts.actions).toBe(3);
    const runs = ZRunList.parse((await get(managerSession, '/api/dunning/runs')).json()).runs;
    expect(runs).toEqual([expect.objectContaining({ runOn: '2026-03-15' })]);

    const agenda = ZAgendaPage.parse((await get(collectorSession, '/api/agenda')).json());
    expect(agenda.total).toBe(2);
    expect(agenda.items.map((item) => item.totalOpenCents)).toEqual([900_000, 20_000]);
    const [first] = agenda.items;
    expect(first).toMatchObject({ kind: 'call', daysLate: 5 });
    expect(first?.script).toContain('FA-900000');
    const everybody = ZAgendaPage.parse((await get(readerSession, '/api/agenda')).json());
    expect(everybody.total).toBe(3);

    const complete = {
      outcome: 'promise_given',
      note: 'Virement promis pour le 20',
      promise: {
        amountCents: 900_000,
        promisedOn: '2026-03-20',
        invoiceIds: [first?.invoices[0]?.id],
      },
      followUpOn: '2026-03-21',
    };
    expectProblem(await send(readerSession, `/api/agenda/${first?.id}/complete`, complete), 403);
    const done = await send(collectorSession, `/api/agenda/${first?.id}/complete`, complete);
    expect(done.statusCode).toBe(200);
    const completed = ZCompleted.parse(done.json());
    expect(completed.promiseId).not.toBeNull();
    expect(completed.followUpId).not.toBeNull();
    const twice = expectProblem(
      await send(collectorSession, `/api/agenda/${first?.id}/complete`, complete),
      409,
    );
    expect(twice.reason).toBe('dunning_action_closed');
    const promises = await get(
      collectorSession,
      `/api/customers/${agenda.items[0]?.customer.id}/promises`,
    );
    expect(promises.statusCode).toBe(200);
    expect(JSON.stringify(promises.json())).toContain('900000');

    const second = agenda.items[1];
    const past = expectProblem(
      await send(collectorSession, `/api/agenda/${second?.id}/snooze`, { until: '2026-03-15' }),
      400,
    );
    expect(past.reason).toBe('dunning_snooze_not_later');
    const snoozed = await send(collectorSession, `/api/agenda/${second?.id}/snooze`, {
      until: '2026-03-17',
    });
    expect(snoozed.statusCode).toBe(200);
    expect(ZAgendaPage.parse((await get(collectorSession, '/api/agenda')).json()).items).toEqual(
      [],
    );
  });
});
