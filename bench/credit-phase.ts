/**
 * The credit check at size (issue 12's target: p99 under 10 ms at size L on PostgreSQL, with
 * the exposure computed live). On the loaded demo, limits are decided for the entities of
 * the customers with the most open invoices (the heaviest exposures to read) and two orders
 * received for each, some held; then `checkCreditForOrder` is timed over them in turn, and
 * `POST /api/credit-check` through Fastify, with an API token as the ERP asks.
 */
import { sql } from 'kysely';
import { cliContext } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import { createApiToken } from '../src/auth/api-tokens.ts';
import { checkCreditForOrder } from '../src/credit/check.ts';
import { decideCreditLimit } from '../src/credit/decisions.ts';
import { receiveOrder } from '../src/credit/order-service.ts';
import { ZCreditCheckAnswer } from '../src/credit/schemas.ts';
import type { DemoResult } from '../src/demo/load-demo.ts';
import { buildApp } from '../src/server/app.ts';
import { measure, type Sample } from './timing.ts';

export type CreditCheckBench = {
  /** Entities given a limit and two orders before the timing. */
  entities: number;
  held: number;
  /** `checkCreditForOrder` alone, over the entities in turn. */
  service: Sample;
  /** The whole request: session, zod, the use case, JSON. */
  http: Sample;
};

/** Entities timed: enough that the checks do not all hit the same cached rows. */
const ENTITIES = 200;
/** A p99 needs runs: at least this many, whatever `--runs` says. */
const MIN_RUNS = 500;

/** The codes and ids of the customers with the most open invoices, and what they owe. */
async function heaviestCustomers(
  deps: Deps,
  companyId: string,
): Promise<{ id: string; code: string; open: number }[]> {
  const { rows } = await sql<{ id: string; code: string; open: string }>`
    SELECT c.id, c.code, sum(i.open_cents)::text AS open
    FROM invoice i JOIN customer c ON c.company_id = i.company_id AND c.id = i.customer_id
    WHERE i.company_id = ${companyId} AND i.open_cents > 0 AND c.status = 'active'
    GROUP BY c.id, c.code ORDER BY count(*) DESC, c.id LIMIT ${ENTITIES}`.execute(deps.db);
  return rows.map((row) => ({ id: row.id, code: row.code, open: Number(row.open) }));
}

/** Decides limits, receives orders, then times the check through the service and HTTP. */
export async function benchCreditCheck(
  deps: Deps,
  demo: DemoResult,
  options: { runs: number; warmup: number },
): Promise<CreditCheckBench> {
  const ctx = cliContext(demo.company.id, 'bench');
  const customers = await heaviestCustomers(deps, demo.company.id);
  const today = deps.clock.today(demo.company.timeZone);
  let held = 0;
  for (const [index, customer] of customers.entries()) {
    // Every fourth entity gets a limit just above what it owes: its second order is held.
    const headroom = index % 4 === 0 ? 1.05 : 2;
    await decideCreditLimit(deps, ctx, customer.id, {
      amountCents: Math.max(100_000, Math.round((customer.open * headroom) / 100) * 100),
      coveredCents: 0,
      cover: null,
      reviewOn: null,
      expiresOn: null,
      reason: 'bench',
    });
    for (const suffix of ['A', 'B']) {
      const { order } = await receiveOrder(deps, ctx, {
        customer: { id: customer.id },
        number: `BENCH-${customer.code}-${suffix}`,
        orderedOn: today,
        amountCents: Math.max(10_000, Math.round(customer.open / 10)),
        expectedDeliveryOn: null,
        specialConditions: null,
        checklist: { pricesAgreed: true, deliveryDateConfirmed: true, confirmationSent: true },
      });
      held += order.status === 'held' ? 1 : 0;
    }
  }
  const timed = { runs: Math.max(MIN_RUNS, options.runs), warmup: Math.max(50, options.warmup) };
  let turn = 0;
  const next = () => {
    const customer = customers[turn % customers.length];
    turn += 1;
    if (customer === undefined) {
      throw new Error('The demo has no customer with open invoices');
    }
    return customer;
  };
  const service = await measure(
    () => checkCreditForOrder(deps, ctx, { customer: { code: next().code }, amountCents: 50_000 }),
    timed,
  );
  const app = await buildApp({ deps, webDir: '/nonexistent' });
  try {
    // The ERP asks with an API token, as an integration does.
    const { token } = await createApiToken(deps, ctx, {
      name: 'ERP (bench)',
      role: 'credit_manager',
    });
    const http = await measure(async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/credit-check',
        headers: { authorization: `Bearer ${token}` },
        payload: { customerCode: next().code, amountCents: 50_000 },
      });
      if (response.statusCode !== 200) {
        throw new Error(`POST /api/credit-check answered ${response.statusCode}: ${response.body}`);
      }
      return ZCreditCheckAnswer.parse(response.json());
    }, timed);
    return { entities: customers.length, held, service, http };
  } finally {
    await app.close();
  }
}
