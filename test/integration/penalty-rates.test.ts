/**
 * The late-payment rates as data, on a real database (docs/formulas.md "Late-payment
 * penalties"): the company's own rate for a half-year changes the interest of the formal
 * notice, in its preview and in the run's letter; a customer's agreed rate replaces the
 * legal one and is flagged below the floor; the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context.ts';
import type { Deps } from '../../src/app/deps.ts';
import type { DbHandle } from '../../src/db/client.ts';
import { previewTemplate } from '../../src/dunning/preview.ts';
import {
  effectiveRates,
  listPenaltyRates,
  savePenaltyRate,
} from '../../src/dunning/penalty-rates.ts';
import { PUBLISHED_RATES } from '../../src/dunning/published-rates.ts';
import { runDunning } from '../../src/dunning/run.ts';
import { assignScenario, saveScenario, scenarioForCustomer } from '../../src/dunning/service.ts';
import { listLettersToPrint } from '../../src/jobs/outbox.ts';
import { calendarDate } from '../../src/shared/calendar-date.ts';
import { ForbiddenError, InvalidError } from '../../src/shared/errors.ts';
import { openTestRuntime } from '../db.ts';
import { makeCompany, makeCustomer, makeInvoices, makeUser, scenarioStep } from '../factories.ts';

let handle: DbHandle;
let deps: Deps;

beforeAll(async () => {
  ({ handle, deps } = await openTestRuntime());
});
afterAll(async () => {
  await handle.close();
});

const NBSP = '\u00a0';

async function refusal(promise: Promise<unknown>): Promise<InvalidError> {
  const error: unknown = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidError);
  return error as InvalidError;
}

/** 1 234,56 € due 4 February 2026: 39 days late today (15 March 2026), in 2026-H1. */
async function lateCustomer(ctx: Ctx) {
  const customer = await makeCustomer(deps, ctx, {
    legalName: 'Boulangerie Martin SARL',
    contacts: [{ role: 'billing', name: 'Claire Martin', email: 'compta@martin.test' }],
    billingAddress: {
      line1: '3 place Bellecour',
      line2: null,
      postalCode: '69002',
      city: 'Lyon',
      country: 'FR',
    },
  });
  await makeInvoices(deps, ctx, customer.id, [
    { number: 'FA-2026-0101', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 123_456 },
  ]);
  return customer;
}

const PENALTIES = {
  template: { subject: 'x', body: '{{ penalties.rate }} {{ penalties.interest }}' },
};

async function penaltiesOf(ctx: Ctx, customerId: string): Promise<string> {
  return (await previewTemplate(deps, ctx, PENALTIES, 'fr', customerId)).body;
}

async function collectorOf(ctx: Ctx): Promise<Ctx> {
  const user = await makeUser(deps, ctx, 'collector');
  return {
    companyId: ctx.companyId,
    actor: { type: 'user', id: user.id, name: 'Camille Martin' },
    role: 'collector',
  };
}

describe('the rate table', () => {
  it('is the published one until the company enters its own, per half-year', async () => {
    const { ctx } = await makeCompany(deps);
    expect(await effectiveRates(deps.db, ctx.companyId)).toEqual(PUBLISHED_RATES);
    const list = await listPenaltyRates(deps, ctx);
    expect(list.currentHalfYear).toBe('2026-H1');
    expect(list.items[0]).toEqual({
      halfYear: '2026-H1',
      ecbMro: { published: 215, company: null, effective: 215 },
      legalProfessional: { published: 262, company: null, effective: 262 },
    });

    const saved = await savePenaltyRate(deps, ctx, {
      series: 'legal_professional',
      halfYear: '2026-H2',
      basisPoints: 250,
    });
    expect(saved.items[0]).toEqual({
      halfYear: '2026-H2',
      ecbMro: { published: null, company: null, effective: null },
      legalProfessional: { published: null, company: 250, effective: 250 },
    });
    const other = await makeCompany(deps);
    expect(await effectiveRates(deps.db, other.ctx.companyId)).toEqual(PUBLISHED_RATES);

    const back = await savePenaltyRate(deps, ctx, {
      series: 'legal_professional',
      halfYear: '2026-H2',
      basisPoints: null,
    });
    expect(back.items[0]?.halfYear).toBe('2026-H1');
    expect(await effectiveRates(deps.db, ctx.companyId)).toEqual(PUBLISHED_RATES);
  });

  it('changes the interest of the formal notice, in its preview and in the run’s letter', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await lateCustomer(ctx);
    // ECB 2,15 % + 10 points: 123 456 × 1 215 × 39 / 3 650 000 = 1 602,7 → 16,03 €.
    expect(await penaltiesOf(ctx, customer.id)).toBe(`12,15${NBSP}% 16,03${NBSP}€`);

    await savePenaltyRate(deps, ctx, { series: 'ecb_mro', halfYear: '2026-H1', basisPoints: 315 });
    // 3,15 % + 10 points: 123 456 × 1 315 × 39 / 3 650 000 = 1 734,6 → 17,35 €.
    expect(await penaltiesOf(ctx, customer.id)).toBe(`13,15${NBSP}% 17,35${NBSP}€`);
    const formal = await previewTemplate(
      deps,
      ctx,
      { templateId: 'formal_notice' },
      'fr',
      customer.id,
    );
    expect(formal.body).toContain(`13,15${NBSP}%, soit 17,35${NBSP}€`);

    const notice = await saveScenario(deps, ctx, undefined, {
      name: 'Mise en demeure',
      steps: [scenarioStep(30, 'letter', 'formal_notice')],
      riskCategory: null,
      isCompanyDefault: false,
    });
    await assignScenario(deps, ctx, customer.id, { scenarioId: notice.id, manualFollowUp: false });
    await runDunning(deps, ctx, { date: calendarDate('2026-03-15') });
    const [letter] = await listLettersToPrint(deps, ctx, 10);
    expect(letter?.bodyText).toContain(`13,15${NBSP}%, soit 17,35${NBSP}€`);
  });

  it('refuses a malformed half-year or an out-of-range rate, and a collector', async () => {
    const { ctx } = await makeCompany(deps);
    const error = await refusal(
      savePenaltyRate(deps, ctx, { series: 'ecb_mro', halfYear: '2026-H3', basisPoints: 5_001 }),
    );
    expect(error.reason).toBe('penalty_rate_refused');
    expect(error.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['halfYear', 'penalty_rate_half_year_invalid'],
      ['basisPoints', 'penalty_rate_out_of_range'],
    ]);
    expect(
      (
        await refusal(
          savePenaltyRate(deps, ctx, { series: 'ecb_mro', halfYear: '2026-H1', basisPoints: 2.5 }),
        )
      ).issues.map((issue) => issue.field),
    ).toEqual(['basisPoints']);
    const collector = await collectorOf(ctx);
    await expect(
      savePenaltyRate(deps, collector, { series: 'ecb_mro', halfYear: '2026-H1', basisPoints: 1 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await effectiveRates(deps.db, ctx.companyId)).toEqual(PUBLISHED_RATES);
  });
});

describe('a customer’s agreed rate', () => {
  it('replaces the legal one, and is flagged below three times the legal interest rate', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await lateCustomer(ctx);
    // 2026-H1: legal interest 2,62 %, floor 7,86 %.
    const low = await assignScenario(deps, ctx, customer.id, {
      scenarioId: null,
      manualFollowUp: false,
      contractualRateBps: 500,
    });
    expect(low).toMatchObject({
      contractualRateBps: 500,
      notice: {
        field: 'contractualRateBps',
        code: 'penalty_rate_below_floor',
        params: { halfYear: '2026-H1', rate: 500, floor: 786 },
      },
    });
    expect((await scenarioForCustomer(deps, ctx, customer.id)).notice?.code).toBe(
      'penalty_rate_below_floor',
    );

    const agreed = await assignScenario(deps, ctx, customer.id, {
      scenarioId: null,
      manualFollowUp: false,
      contractualRateBps: 900,
    });
    expect(agreed).toMatchObject({ contractualRateBps: 900, notice: null });
    // 123 456 × 900 × 39 / 3 650 000 = 1 187,2 → 11,87 €.
    expect(await penaltiesOf(ctx, customer.id)).toBe(`9,00${NBSP}% 11,87${NBSP}€`);

    // Left out: unchanged; the company's own legal interest rate moves the floor.
    await savePenaltyRate(deps, ctx, {
      series: 'legal_professional',
      halfYear: '2026-H1',
      basisPoints: 400,
    });
    const kept = await assignScenario(deps, ctx, customer.id, {
      scenarioId: null,
      manualFollowUp: true,
    });
    expect(kept).toMatchObject({
      contractualRateBps: 900,
      notice: { code: 'penalty_rate_below_floor', params: { floor: 1_200 } },
    });

    const legal = await assignScenario(deps, ctx, customer.id, {
      scenarioId: null,
      manualFollowUp: false,
      contractualRateBps: null,
    });
    expect(legal).toMatchObject({ contractualRateBps: null, notice: null });
    expect(await penaltiesOf(ctx, customer.id)).toBe(`12,15${NBSP}% 16,03${NBSP}€`);
  });

  it('runs in the run’s letter', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await lateCustomer(ctx);
    const notice = await saveScenario(deps, ctx, undefined, {
      name: 'Mise en demeure',
      steps: [scenarioStep(30, 'letter', 'formal_notice')],
      riskCategory: null,
      isCompanyDefault: false,
    });
    await assignScenario(deps, ctx, customer.id, {
      scenarioId: notice.id,
      manualFollowUp: false,
      contractualRateBps: 900,
    });
    await runDunning(deps, ctx, { date: calendarDate('2026-03-15') });
    const [letter] = await listLettersToPrint(deps, ctx, 10);
    expect(letter?.bodyText).toContain(`9,00${NBSP}%, soit 11,87${NBSP}€`);
  });

  it('refuses a rate out of 0 to 10 000 basis points', async () => {
    const { ctx } = await makeCompany(deps);
    const customer = await lateCustomer(ctx);
    const error = await refusal(
      assignScenario(deps, ctx, customer.id, {
        scenarioId: null,
        manualFollowUp: false,
        contractualRateBps: 10_001,
      }),
    );
    expect(error.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['contractualRateBps', 'penalty_rate_out_of_range'],
    ]);
  });
});
