import { sql } from 'kysely';
import type { Ctx } from '../src/app/context.ts';
import { cliContext } from '../src/app/context.ts';
import type { Deps } from '../src/app/deps.ts';
import { ZSessionInfo } from '../src/auth/schemas.ts';
import { ZCustomerPage } from '../src/customers/schemas.ts';
import { CUSTOMER_SORTS } from '../src/customers/schemas.ts';
import { getCustomer, getCustomerTimeline } from '../src/customers/service.ts';
import {
  countCustomerRows,
  listCustomerRows,
  type CustomerListQuery,
} from '../src/customers/store.ts';
import type { DbHandle } from '../src/db/client.ts';
import type { DemoResult } from '../src/demo/load-demo.ts';
import { buildApp } from '../src/server/app.ts';
import type { App } from '../src/http/types.ts';
import { listAllocations } from '../src/ledger/allocation-lists.ts';
import { listInvoices } from '../src/ledger/invoice-lists.ts';
import { listPayments } from '../src/ledger/payment-lists.ts';
import { measure, type Sample } from './timing.ts';

/** The list page's page size (web/src/features/customers/customer-list-params.ts). */
export const LIST_PAGE_SIZE = 50;

export type ListCase = {
  sort: CustomerListQuery['sort'];
  order: 'asc' | 'desc';
  page: number;
  search?: string;
  /** The whole request through Fastify: session check, zod, service, SQL, JSON. */
  http: Sample;
  /** `listCustomerRows` and `countCustomerRows` alone: the SQL and the driver. */
  store: Sample;
  rows: number;
};

export type BundleEndpoint = { name: string; http: Sample };

export type BundleCase = {
  label: string;
  customerCode: string;
  invoices: number;
  openItems: number;
  payments: number;
  allocations: number;
  /** The five requests of the customer page, sent at once as the browser does. */
  http: Sample;
  /** The same five use cases called on the services, at once, without HTTP. */
  service: Sample;
  endpoints: BundleEndpoint[];
};

export type QueryResults = { list: ListCase[]; bundles: BundleCase[] };

type RunOptions = { runs: number; warmup: number };

/** Signs in as the demo's admin; the session cookie. Also the dunning phase's. */
export async function signIn(app: App, demo: DemoResult): Promise<string> {
  const admin = demo.users.find((user) => user.role === 'admin') ?? demo.users[0];
  if (!admin) {
    throw new Error('The demo has no user to sign in with');
  }
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: admin.email, password: demo.password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`Sign-in failed (${response.statusCode}): ${response.body}`);
  }
  ZSessionInfo.parse(response.json());
  const cookie = String(response.headers['set-cookie']).split(';')[0];
  if (!cookie) {
    throw new Error('Sign-in set no session cookie');
  }
  return cookie;
}

/** A GET that must answer 200; returns the parsed body. */
async function get(app: App, cookie: string, url: string): Promise<unknown> {
  const response = await app.inject({ method: 'GET', url, headers: { cookie } });
  if (response.statusCode !== 200) {
    throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
  }
  return response.json();
}

function listUrl(sort: string, order: string, page: number, search: string | undefined): string {
  const params = new URLSearchParams({
    sort,
    order,
    page: String(page),
    pageSize: String(LIST_PAGE_SIZE),
  });
  if (search !== undefined) {
    params.set('search', search);
  }
  return `/api/customers?${params.toString()}`;
}

type ListSpec = Pick<ListCase, 'sort' | 'order' | 'page'> & { search?: string };

/** Every sort both ways on page 1, then deep pages and a search. */
function listSpecs(customers: number): ListSpec[] {
  const deepPage = Math.max(2, Math.round(customers / LIST_PAGE_SIZE / 2));
  const specs: ListSpec[] = [];
  for (const sort of CUSTOMER_SORTS) {
    for (const order of ['asc', 'desc'] as const) {
      specs.push({ sort, order, page: 1 });
    }
  }
  specs.push(
    { sort: 'legal_name', order: 'asc', page: deepPage },
    { sort: 'code', order: 'asc', page: deepPage },
    { sort: 'overdue_amount', order: 'desc', page: deepPage },
    { sort: 'legal_name', order: 'asc', page: 1, search: 'martin' },
  );
  return specs;
}

async function benchList(
  app: App,
  cookie: string,
  deps: Deps,
  demo: DemoResult,
  options: RunOptions,
): Promise<ListCase[]> {
  const today = deps.clock.today(demo.company.timeZone);
  const cases: ListCase[] = [];
  for (const spec of listSpecs(demo.counts.customers)) {
    const url = listUrl(spec.sort, spec.order, spec.page, spec.search);
    const query: CustomerListQuery = {
      search: spec.search,
      sort: spec.sort,
      order: spec.order,
      limit: LIST_PAGE_SIZE,
      offset: (spec.page - 1) * LIST_PAGE_SIZE,
      today,
      currency: demo.company.currency,
    };
    // Both paths must agree before either is timed.
    const page = ZCustomerPage.parse(await get(app, cookie, url));
    const readPage = () =>
      Promise.all([
        listCustomerRows(deps.db, demo.company.id, query),
        countCustomerRows(deps.db, demo.company.id, query),
      ]);
    const [stored] = await readPage();
    const httpIds = page.items.map((item) => item.id).join();
    if (httpIds !== stored.map((row) => row.id).join()) {
      throw new Error(`${url}: the API and listCustomerRows disagree`);
    }
    const http = await measure(() => get(app, cookie, url), options);
    const store = await measure(readPage, options);
    cases.push({ ...spec, http, store, rows: page.items.length });
    process.stderr.write(`\r  list ${cases.length} cases…`);
  }
  process.stderr.write('\n');
  return cases;
}

type PickedCustomer = {
  label: string;
  id: string;
  code: string;
  invoices: number;
  openItems: number;
  payments: number;
  allocations: number;
};

/** The customer with the most invoices, and the one in the middle by invoice count. */
async function pickCustomers(handle: DbHandle, companyId: string): Promise<PickedCustomer[]> {
  const result = await sql<{ id: string; code: string; invoices: number; open_items: number }>`
    SELECT c.id, c.code, count(i.id)::bigint AS invoices,
      count(i.id) FILTER (WHERE i.open_cents > 0)::bigint AS open_items
    FROM customer c
    JOIN invoice i ON i.company_id = c.company_id AND i.customer_id = c.id
    WHERE c.company_id = ${companyId}
    GROUP BY c.id, c.code
    ORDER BY invoices DESC, c.code`.execute(handle.db);
  const rows = result.rows;
  const picks = [
    { label: 'biggest', row: rows[0] },
    { label: 'median', row: rows[Math.floor(rows.length / 2)] },
  ];
  const customers: PickedCustomer[] = [];
  for (const { label, row } of picks) {
    if (!row) {
      continue;
    }
    const extra = await sql<{ payments: number; allocations: number }>`
      SELECT
        (SELECT count(*) FROM payment WHERE company_id = ${companyId} AND customer_id = ${row.id})::bigint AS payments,
        (SELECT count(*) FROM allocation a JOIN invoice i ON i.company_id = a.company_id AND i.id = a.invoice_id
          WHERE a.company_id = ${companyId} AND i.customer_id = ${row.id})::bigint AS allocations`.execute(
      handle.db,
    );
    customers.push({
      label,
      id: row.id,
      code: row.code,
      invoices: row.invoices,
      openItems: row.open_items,
      payments: extra.rows[0]?.payments ?? 0,
      allocations: extra.rows[0]?.allocations ?? 0,
    });
  }
  return customers;
}

/** What web/src/features/customers/customer-page.tsx loads for one customer. */
function bundleUrls(customerId: string): { name: string; url: string }[] {
  return [
    { name: 'customer', url: `/api/customers/${customerId}` },
    {
      name: 'open items',
      url: `/api/invoices?customerId=${customerId}&status=unpaid&sort=due_date&order=asc&page=1&pageSize=200`,
    },
    { name: 'payments', url: `/api/payments?customerId=${customerId}&page=1&pageSize=50` },
    { name: 'allocations', url: `/api/customers/${customerId}/allocations` },
    { name: 'events', url: `/api/customers/${customerId}/events` },
  ];
}

function bundleServices(deps: Deps, ctx: Ctx, customerId: string): () => Promise<unknown> {
  return () =>
    Promise.all([
      getCustomer(deps, ctx, customerId),
      listInvoices(deps, ctx, {
        customerId,
        status: 'unpaid',
        sort: 'due_date',
        order: 'asc',
        page: 1,
        pageSize: 200,
      }),
      listPayments(deps, ctx, { customerId, page: 1, pageSize: 50 }),
      listAllocations(deps, ctx, customerId),
      getCustomerTimeline(deps, ctx, customerId),
    ]);
}

async function benchBundles(
  app: App,
  cookie: string,
  handle: DbHandle,
  deps: Deps,
  demo: DemoResult,
  options: RunOptions,
): Promise<BundleCase[]> {
  const ctx = cliContext(demo.company.id, 'bench');
  const bundles: BundleCase[] = [];
  for (const customer of await pickCustomers(handle, demo.company.id)) {
    const urls = bundleUrls(customer.id);
    const http = await measure(
      () => Promise.all(urls.map(({ url }) => get(app, cookie, url))),
      options,
    );
    const service = await measure(bundleServices(deps, ctx, customer.id), options);
    const endpoints: BundleEndpoint[] = [];
    for (const { name, url } of urls) {
      endpoints.push({ name, http: await measure(() => get(app, cookie, url), options) });
    }
    const { label, id: _id, code: customerCode, ...counts } = customer;
    bundles.push({ label, customerCode, ...counts, http, service, endpoints });
  }
  return bundles;
}

/** Times the customer list and the customer page, through HTTP and below it. */
export async function benchQueries(
  handle: DbHandle,
  deps: Deps,
  demo: DemoResult,
  options: RunOptions,
): Promise<QueryResults> {
  const app = await buildApp({ deps, webDir: '/nonexistent' });
  try {
    const cookie = await signIn(app, demo);
    const list = await benchList(app, cookie, deps, demo, options);
    const bundles = await benchBundles(app, cookie, handle, deps, demo, options);
    return { list, bundles };
  } finally {
    await app.close();
  }
}
