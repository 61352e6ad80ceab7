/**
 * The demo's credit management (issue 12): limits decided for a few dozen entities (a few
 * tight, some covered by credit insurance), orders received through the credit check (some
 * held), delivered and invoiced with the invoice they became — so the held-orders queue, the
 * alerts, the customer's « Crédit » tab and the dashboard's invoicing lag have something to
 * show. Through the services, so every figure is what a user would have made; a fixed number
 * of entities whatever the size, so the load at size L pays seconds, not minutes.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { decideCreditLimit, grantCreditException } from '../credit/decisions.ts';
import { receiveOrder, recordOrderEvent } from '../credit/order-service.ts';
import { getCustomerCredit } from '../credit/service.ts';
import { listCustomersWithOpenInvoices, listOpenInvoicesOfCustomers } from '../ledger/service.ts';
import { addDays, maxDate, minDate, type CalendarDate } from '../shared/calendar-date.ts';
import { createRng, mixSeed } from './random.ts';

/** Entities given a limit and orders. */
const DEMO_CREDIT_ENTITIES = 48;

export type DemoCreditResult = { limits: number; orders: number; held: number; exceptions: number };

/** Decides limits, receives, delivers and invoices orders for some of the demo's customers. */
export async function seedDemoCredit(
  deps: Deps,
  ctx: Ctx,
  options: { seed: number; today: CalendarDate },
): Promise<DemoCreditResult> {
  const rng = createRng(mixSeed(options.seed, 12));
  const candidates = await listCustomersWithOpenInvoices(
    deps.db,
    ctx,
    null,
    DEMO_CREDIT_ENTITIES * 4,
  );
  const picked = candidates.filter((_, index) => index % 4 === 0);
  const result: DemoCreditResult = { limits: 0, orders: 0, held: 0, exceptions: 0 };
  for (const [index, customerId] of picked.entries()) {
    const credit = await getCustomerCredit(deps, ctx, customerId);
    const owed = Math.max(100_000, credit.exposures[0]?.totalCents ?? 0);
    // One in four is tight: its next order will not fit.
    const isTight = index % 4 === 1;
    const amountCents = Math.round((owed * (isTight ? 1.03 : 1.6)) / 100_000) * 100_000 || 100_000;
    const isInsured = index % 3 === 0;
    const validFrom = addDays(options.today, -rng.between(0, 400));
    await decideCreditLimit(deps, ctx, customerId, {
      amountCents,
      coveredCents: isInsured ? Math.round(amountCents * 0.6) : 0,
      cover: isInsured ? 'credit_insurance' : null,
      // Decided up to a year ago, reviewed yearly: the oldest are due for review.
      validFrom,
      reviewOn: addDays(validFrom, 365),
      expiresOn: index % 5 === 0 ? addDays(options.today, 365) : null,
      reason: isTight ? 'Retards répétés : encours limité' : 'Revue annuelle',
    });
    result.limits += 1;
    const [invoice] = await listOpenInvoicesOfCustomers(deps.db, ctx, [customerId]);
    const orders = 1 + rng.int(3);
    for (let made = 0; made < orders; made += 1) {
      const orderedOn = minDate(
        options.today,
        addDays(invoice?.issueDate ?? options.today, -rng.between(4, 40)),
      );
      const { order } = await receiveOrder(deps, ctx, {
        customer: { id: customerId },
        number: `CDE-${String(index + 1).padStart(3, '0')}-${made + 1}`,
        orderedOn,
        amountCents: Math.max(20_000, Math.round((owed * rng.between(5, 25)) / 100 / 100) * 100),
        expectedDeliveryOn: addDays(orderedOn, 7),
        specialConditions: rng.chance(0.2) ? 'Remise de 3 % accordée par le commercial' : null,
        checklist: {
          pricesAgreed: true,
          deliveryDateConfirmed: rng.chance(0.8),
          confirmationSent: rng.chance(0.7),
        },
      });
      result.orders += 1;
      if (order.status === 'held') {
        result.held += 1;
        if (index % 8 === 1) {
          await grantCreditException(deps, ctx, customerId, {
            amountCents: Math.max(10_000, order.amountCents),
            expiresOn: addDays(options.today, 30),
            reason: 'Commande de réassort, client historique',
            orderId: order.id,
          });
          result.exceptions += 1;
        }
        continue;
      }
      // The first order became the customer's oldest open invoice: delivered, then invoiced.
      if (made === 0 && invoice !== undefined && invoice.issueDate > orderedOn) {
        const deliveredOn = maxDate(orderedOn, addDays(invoice.issueDate, -rng.between(0, 25)));
        await recordOrderEvent(deps, ctx, { id: order.id }, { kind: 'delivered', on: deliveredOn });
        await recordOrderEvent(
          deps,
          ctx,
          { id: order.id },
          {
            kind: 'invoiced',
            invoicedCents: order.amountCents,
            invoiceNumbers: [invoice.number],
          },
        );
      }
    }
  }
  return result;
}
