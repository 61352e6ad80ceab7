/**
 * The customer portal's account page at size (issue 10's target: under 50 ms at size L on
 * PostgreSQL): `GET /api/portal/account` through Fastify with the portal link of the
 * demo's customer with the most open items, as its page asks it, and the use case alone.
 */
import { sql } from 'kysely';
import { authenticateAccessLink } from '../src/access/service.ts';
import { cliContext } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import type { DemoResult } from '../src/demo/load-demo.ts';
import { getPortalAccount } from '../src/portal/account.ts';
import { createPortalLink } from '../src/portal/portal-links.ts';
import { PORTAL_REQUESTS_PER_MINUTE } from '../src/portal/routes.ts';
import { ZPortalAccount } from '../src/portal/schemas.ts';
import { buildApp } from '../src/server/app.ts';
import { measure, type Sample } from './timing.ts';

export type PortalAccountBench = {
  customerCode: string;
  /** The open invoices and credit notes the page lists. */
  items: number;
  /** The whole request: the link's check, the rate limit, the use case, zod, JSON. */
  http: Sample;
  /** `getPortalAccount` alone. */
  service: Sample;
};

/** The customer with the most open items (invoices and credit notes), and how many. */
async function biggestCustomer(deps: Deps, companyId: string): Promise<string> {
  const { rows } = await sql<{ customer_id: string }>`
    SELECT customer_id FROM invoice
    WHERE company_id = ${companyId} AND open_cents > 0
    GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1`.execute(deps.db);
  const [row] = rows;
  if (row === undefined) {
    throw new Error('The demo has no open invoice');
  }
  return row.customer_id;
}

/** Times the biggest customer's portal account, through HTTP and below it. */
export async function benchPortalAccount(
  deps: Deps,
  demo: DemoResult,
  options: { runs: number; warmup: number },
): Promise<PortalAccountBench> {
  const ctx = cliContext(demo.company.id, 'bench');
  const customerId = await biggestCustomer(deps, demo.company.id);
  // The portal counts requests per token and per address: one link (and address) per
  // hundred requests keeps the bench under its limit, as many customers' pages would be.
  const requests = options.runs + options.warmup + 1;
  const tokens: string[] = [];
  for (let made = 0; made * (PORTAL_REQUESTS_PER_MINUTE - 20) < requests; made += 1) {
    const link = await createPortalLink(deps, ctx, { customerId, publicUrl: 'http://bench' });
    tokens.push(link.url.split('#')[1] ?? '');
  }
  const app = await buildApp({ deps, webDir: '/nonexistent' });
  try {
    let sent = 0;
    const request = async () => {
      const slot = Math.floor(sent / (PORTAL_REQUESTS_PER_MINUTE - 20));
      sent += 1;
      const response = await app.inject({
        method: 'GET',
        url: '/api/portal/account',
        remoteAddress: `10.9.${slot}.1`,
        headers: { 'x-access-token': tokens[slot] ?? '' },
      });
      if (response.statusCode !== 200) {
        throw new Error(
          `GET /api/portal/account answered ${response.statusCode}: ${response.body}`,
        );
      }
      return ZPortalAccount.parse(response.json());
    };
    const account = await request();
    const http = await measure(request, options);
    const portalCtx = (await authenticateAccessLink(deps, tokens[0] ?? '', deps.clock.now())).ctx;
    const service = await measure(
      () => getPortalAccount(deps, portalCtx, { customerId, language: 'fr' }),
      options,
    );
    return { customerCode: account.customer.code, items: account.items.length, http, service };
  } finally {
    await app.close();
  }
}
