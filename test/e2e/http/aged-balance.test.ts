/**
 * The aged balance over HTTP (`GET /api/reports/aged-balance` and its export, issue 11): the
 * figures of a small ledger worked by hand, parsed by the answer's schema; a past date with
 * custom buckets; every issue of a bad request in one 400 problem; 401 without a session;
 * the CSV's lines, the XLSX read back as numbers and a date with its totals rows, the PDF's
 * pages and words.
 */
import { describe, expect, it } from 'vitest';
import type { Ctx } from '../../../src/app/context.ts';
import { ZDsoReport } from '../../../src/reports/dso-schemas.ts';
import { ZAgedBalance } from '../../../src/reports/schemas.ts';
import { makeCompany, makeCustomer, makeInvoices, makePayment, makeUser } from '../../factories.ts';
import { pdfPages } from '../../pdf-text.ts';
import { expectProblem, signIn, useHttpApp, type Session } from './http-helpers.ts';

const http = useHttpApp();

/**
 * On 15 March 2026 (the tests' today): A (Alpha SARL) owes F2, 500,00 € due 20 March; F1
 * (1 000,00 €, due 4 Feb) was paid on 15 Feb out of P1 (1 200,00 €), 200,00 € of which is
 * unapplied; its credit note AV1 (200,00 €) is not applied. B (Bêta SA) owes F4, 800,00 €
 * due 1 Dec 2025 (104 days late), and F3, $300.00 due 19 Feb (24 days late).
 */
async function ledger(): Promise<{ ctx: Ctx; session: Session; a: string; b: string }> {
  const { ctx } = await makeCompany(http.deps);
  const user = await makeUser(http.deps, ctx, 'read_only');
  const session = await signIn(http.app, user.email, user.password);
  const a = await makeCustomer(http.deps, ctx, { code: 'A', legalName: 'Alpha SARL' });
  const b = await makeCustomer(http.deps, ctx, { code: 'B', legalName: 'Bêta SA' });
  await makeInvoices(http.deps, ctx, a.id, [
    { number: 'F1', issueDate: '2026-01-05', dueDate: '2026-02-04', amount: 100_000 },
    { number: 'F2', issueDate: '2026-02-10', dueDate: '2026-03-20', amount: 50_000 },
    {
      number: 'AV1',
      issueDate: '2026-02-20',
      dueDate: '2026-02-20',
      amount: 20_000,
      kind: 'credit_note',
    },
  ]);
  await makeInvoices(http.deps, ctx, b.id, [
    { number: 'F4', issueDate: '2025-11-10', dueDate: '2025-12-01', amount: 80_000 },
    {
      number: 'F3',
      issueDate: '2026-01-20',
      dueDate: '2026-02-19',
      amount: 30_000,
      currency: 'USD',
    },
  ]);
  await makePayment(http.deps, ctx, a.id, {
    reference: 'P1',
    receivedOn: '2026-02-15',
    amount: 120_000,
    invoiceNumber: 'F1',
  });
  return { ctx, session, a: a.id, b: b.id };
}

function get(session: Session | undefined, url: string, headers: Record<string, string> = {}) {
  return http.app.inject({
    url,
    headers: { ...(session === undefined ? {} : { cookie: session.cookie }), ...headers },
  });
}

const EUR_TOTAL = {
  currency: 'EUR',
  buckets: [50_000, 0, 0, 0, 80_000],
  invoicesOpen: 130_000,
  overdue: 80_000,
  creditNotesOpen: 20_000,
  unappliedCash: 20_000,
  net: 90_000,
};
const USD_TOTAL = {
  currency: 'USD',
  buckets: [0, 30_000, 0, 0, 0],
  invoicesOpen: 30_000,
  overdue: 30_000,
  creditNotesOpen: 0,
  unappliedCash: 0,
  net: 30_000,
};

describe('GET /api/reports/aged-balance', () => {
  it('answers the balance of today per customer and currency, most open first, with the totals', async () => {
    const { session, a, b } = await ledger();
    const response = await get(session, '/api/reports/aged-balance');
    expect(response.statusCode).toBe(200);
    expect(ZAgedBalance.parse(response.json())).toEqual({
      asOf: '2026-03-15',
      by: 'customer',
      buckets: [
        { minDaysLate: 0, maxDaysLate: 0 },
        { minDaysLate: 1, maxDaysLate: 30 },
        { minDaysLate: 31, maxDaysLate: 60 },
        { minDaysLate: 61, maxDaysLate: 90 },
        { minDaysLate: 91, maxDaysLate: null },
      ],
      rowCount: 3,
      rows: [
        {
          group: { id: b, code: 'B', name: 'Bêta SA' },
          currency: 'EUR',
          buckets: [0, 0, 0, 0, 80_000],
          invoicesOpen: 80_000,
          overdue: 80_000,
          creditNotesOpen: 0,
          unappliedCash: 0,
          net: 80_000,
        },
        {
          group: { id: a, code: 'A', name: 'Alpha SARL' },
          currency: 'EUR',
          buckets: [50_000, 0, 0, 0, 0],
          invoicesOpen: 50_000,
          overdue: 0,
          creditNotesOpen: 20_000,
          unappliedCash: 20_000,
          net: 10_000,
        },
        { group: { id: b, code: 'B', name: 'Bêta SA' }, ...USD_TOTAL },
      ],
      totals: [EUR_TOTAL, USD_TOTAL],
    });
  });

  it('limits the rows, not the totals', async () => {
    const { session } = await ledger();
    const response = await get(session, '/api/reports/aged-balance?limit=1&sort=name');
    expect(response.statusCode).toBe(200);
    const balance = ZAgedBalance.parse(response.json());
    expect(balance.rowCount).toBe(3);
    expect(balance.rows.map((row) => [row.group.code, row.currency])).toEqual([['A', 'EUR']]);
    expect(balance.totals).toEqual([EUR_TOTAL, USD_TOTAL]);
  });

  it('rebuilds a past date with custom buckets in one currency', async () => {
    const { session } = await ledger();
    // 10 Feb: F1 6 days late and not yet paid, F2 just issued, F4 71 days late; AV1 and P1
    // are still to come.
    const response = await get(
      session,
      '/api/reports/aged-balance?asOf=2026-02-10&buckets=45&currency=EUR',
    );
    expect(response.statusCode).toBe(200);
    const balance = ZAgedBalance.parse(response.json());
    expect(balance.buckets).toEqual([
      { minDaysLate: 0, maxDaysLate: 0 },
      { minDaysLate: 1, maxDaysLate: 45 },
      { minDaysLate: 46, maxDaysLate: null },
    ]);
    expect(balance.rows.map((row) => [row.group.code, row.buckets, row.net])).toEqual([
      ['A', [50_000, 100_000, 0], 150_000],
      ['B', [0, 0, 80_000], 80_000],
    ]);
    expect(balance.totals).toEqual([
      {
        currency: 'EUR',
        buckets: [50_000, 100_000, 80_000],
        invoicesOpen: 230_000,
        overdue: 180_000,
        creditNotesOpen: 0,
        unappliedCash: 0,
        net: 230_000,
      },
    ]);
  });

  it('refuses a future date and bad buckets with every issue in one problem', async () => {
    const { session } = await ledger();
    const problem = expectProblem(
      await get(session, '/api/reports/aged-balance?asOf=2026-04-01&buckets=30,20,0&by=collector', {
        'accept-language': 'en',
      }),
      400,
    );
    expect(problem).toMatchObject({ code: 'invalid', reason: 'report_invalid' });
    expect(problem.issues?.map((issue) => [issue.field, issue.code, issue.message])).toEqual([
      [
        'asOf',
        'report_as_of_in_future',
        'The report cannot be as of 01 Apr 2026: that is after today (15 Mar 2026)',
      ],
      [
        'buckets.1',
        'aging_buckets_not_increasing',
        'Each bucket bound must be above the one before it: 20 after 30',
      ],
      ['buckets.2', 'aging_bucket_not_positive', 'A bucket bound is at least 1 day: 0'],
      [
        'buckets.2',
        'aging_buckets_not_increasing',
        'Each bucket bound must be above the one before it: 0 after 20',
      ],
    ]);
    const unused = expectProblem(await get(session, '/api/reports/aged-balance?currency=CHF'), 400);
    expect(unused.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['currency', 'report_currency_unused'],
    ]);
    for (const query of ['buckets=30;60', 'limit=1001', 'by=region', 'asOf=2026-02-30']) {
      expectProblem(await get(session, `/api/reports/aged-balance?${query}`), 400);
    }
  });

  it('answers 401 without a session, for the balance and its export', async () => {
    for (const url of ['/api/reports/aged-balance', '/api/reports/aged-balance/export']) {
      expect(expectProblem(await get(undefined, url), 401)).toMatchObject({ code: 'unauthorized' });
    }
  });
});

describe('GET /api/reports/aged-balance/export', () => {
  it('sends every row as CSV, headings in French by default', async () => {
    const { session } = await ledger();
    const response = await get(session, '/api/reports/aged-balance/export?format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="balance-agee-2026-03-15.csv"',
    );
    expect(response.body.split('\r\n')).toEqual([
      '\uFEFFArrêtée au,Code client,Client,Devise,Non échu,1–30 j,31–60 j,61–90 j,Plus de 90 j,Factures ouvertes,Échu,Avoirs non imputés,Paiements non affectés,Encours net',
      '2026-03-15,B,Bêta SA,EUR,0.00,0.00,0.00,0.00,800.00,800.00,800.00,0.00,0.00,800.00',
      '2026-03-15,A,Alpha SARL,EUR,500.00,0.00,0.00,0.00,0.00,500.00,0.00,200.00,200.00,100.00',
      '2026-03-15,B,Bêta SA,USD,0.00,300.00,0.00,0.00,0.00,300.00,300.00,0.00,0.00,300.00',
      '',
    ]);
  });

  it('sends an XLSX with numbers, the date and a totals row per currency, in English when asked', async () => {
    const { session } = await ledger();
    const response = await get(
      session,
      '/api/reports/aged-balance/export?format=xlsx&by=category',
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="balance-agee-2026-03-15.xlsx"',
    );
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Aged balance');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const asOf = new Date(Date.UTC(2026, 2, 15));
    expect(rows).toEqual([
      [
        'As of',
        'Risk category',
        'Currency',
        'Not yet due',
        '1–30 days',
        '31–60 days',
        '61–90 days',
        'Over 90 days',
        'Open invoices',
        'Overdue',
        'Unapplied credit notes',
        'Unapplied cash',
        'Net balance',
      ],
      [asOf, 'Standard risk', 'EUR', 500, 0, 0, 0, 800, 1300, 800, 200, 200, 900],
      [asOf, 'Standard risk', 'USD', 0, 300, 0, 0, 0, 300, 300, 0, 0, 300],
      [asOf, 'Total EUR', 'EUR', 500, 0, 0, 0, 800, 1300, 800, 200, 200, 900],
      [asOf, 'Total USD', 'USD', 0, 300, 0, 0, 0, 300, 300, 0, 0, 300],
    ]);
    expect(sheet?.getRow(2).getCell(4).numFmt).toBe('0.00');
  });

  it('sends a PDF with the company, the date, the amounts in French and numbered pages', async () => {
    const { ctx, session } = await ledger();
    // Enough customers for a second page.
    for (let index = 1; index <= 40; index += 1) {
      const customer = await makeCustomer(http.deps, ctx, {
        code: `X${String(index).padStart(2, '0')}`,
      });
      await makeInvoices(http.deps, ctx, customer.id, [
        { number: `G${index}`, issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 1_000 },
      ]);
    }
    const response = await get(session, '/api/reports/aged-balance/export?format=pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="balance-agee-2026-03-15.pdf"',
    );
    const bytes = new Uint8Array(response.rawPayload);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pages = (await pdfPages(bytes)).map((page) => page.replace(/\s+/gu, ' '));
    expect(pages).toHaveLength(2);
    for (const [index, page] of pages.entries()) {
      expect(page).toContain('Menuiseries Dupont SAS');
      expect(page).toContain('Balance âgée au 15/03/2026');
      expect(page).toContain('Factures ouvertes');
      expect(page).toContain(`Page ${index + 1} sur 2`);
    }
    expect(pages[0]).toContain('B Bêta SA EUR 0,00 € 0,00 € 0,00 € 0,00 € 800,00 € 800,00 €');
    // The totals close the last page: 1 300,00 € + 40 × 10,00 € in euros, $300.00 apart.
    expect(pages[1]).toContain('Total EUR EUR 900,00 €');
    expect(pages[1]).toContain('1 700,00 €');
    expect(pages[1]).toContain('Total USD USD 0,00 $US 300,00 $US');
  });
});

describe('GET /api/reports/dso', () => {
  it('answers each month end’s figures and inputs, per currency, as worked by hand', async () => {
    const { session, a } = await ledger();
    const response = await get(session, '/api/reports/dso?months=2&currency=EUR');
    expect(response.statusCode).toBe(200);
    const report = ZDsoReport.parse(response.json());
    expect(report.lastMonthEnd).toBe('2026-02-28');
    const [eur] = report.currencies;
    // Sales: January F1 1 000,00 €; February F2 − AV1 = 300,00 €. On 31 Jan: F1 (not yet
    // due) and F4; on 28 Feb: F2 (not yet due) and F4, F1 paid on 15 Feb.
    expect(
      eur?.months.map((m) => [m.month, m.salesCents, m.receivablesCents, m.notDueCents]),
    ).toEqual([
      ['2026-01-01', 100_000, 180_000, 100_000],
      ['2026-02-01', 30_000, 130_000, 50_000],
    ]);
    // 28 Feb: 1 300 − 300 (28 d) = 1 000 = January's sales (31 d): 59,0 days. BPDSO: 500 − 300
    // = 200; 31 × 200 / 1 000 = 6,2 → 34,2. CEI: 800 / 1 600 = 50 %. Simple: 1 300 / 1 300 × 90.
    expect(eur?.months[1]).toMatchObject({
      dso: { days: 59, isExhausted: true },
      bestPossibleDso: { days: 34.2, isExhausted: true },
      averageDaysDelinquent: 24.8,
      collectionEffectiveness: 50,
      simpleDso: 90,
    });
    const ofA = await get(session, `/api/reports/dso?months=1&customerId=${a}`);
    expect(ZDsoReport.parse(ofA.json()).currencies[0]?.months[0]?.receivablesCents).toBe(50_000);
  });

  it('refuses months out of range and a future date at once, an unknown customer, no session', async () => {
    const { session } = await ledger();
    const refused = expectProblem(
      await get(session, '/api/reports/dso?months=0&asOf=2026-03-16'),
      400,
    );
    expect(refused.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['asOf', 'report_as_of_in_future'],
      ['months', 'report_months_out_of_range'],
    ]);
    const unknown = await get(
      session,
      '/api/reports/dso?customerId=01a23796-54d9-762c-8fcd-9b37d279fd9e',
    );
    expect(unknown.statusCode).toBe(404);
    expect((await get(undefined, '/api/reports/dso')).statusCode).toBe(401);
  });
});

describe('GET /api/reports/dso/export', () => {
  it('sends a line per currency and month end as CSV, headings in French by default', async () => {
    const { session } = await ledger();
    const response = await get(session, '/api/reports/dso/export?months=2&format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="dso-2026-02-28.csv"',
    );
    const lines = response.body.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFDevise,Fin de mois,DSO (jours),DSO simple,DSO incompressible,Retard moyen (jours),Taux de recouvrement (%),CA TTC,Créances,Non échu,Remarque',
    );
    // February's figures are GET /api/reports/dso's, worked by hand there. On 31 January,
    // 1 800,00 € = January's sales (31 d) + December's none (31 d) + November's F4 (30 d):
    // 92,0 days, simple 1 800 / 1 800 × 92; BPDSO: F1 not yet due, 31,0; no collectable
    // USD before February: no CEI.
    expect(lines.slice(1)).toEqual([
      'EUR,2026-01-31,92.0,92.0,31.0,61.0,0.0,1000.00,1800.00,1000.00,',
      'EUR,2026-02-28,59.0,90.0,34.2,24.8,50.0,300.00,1300.00,500.00,',
      'USD,2026-01-31,31.0,92.0,31.0,0.0,,300.00,300.00,300.00,',
      'USD,2026-02-28,59.0,90.0,0.0,59.0,0.0,0.00,300.00,0.00,',
      '',
    ]);
  });

  it('sends an XLSX with the month end as a date and the figures as numbers, in English when asked', async () => {
    const { session } = await ledger();
    const response = await get(
      session,
      '/api/reports/dso/export?months=1&currency=EUR&format=xlsx',
      { 'accept-language': 'en' },
    );
    expect(response.statusCode).toBe(200);
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('DSO');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toEqual([
      [
        'Currency',
        'Month end',
        'DSO (days)',
        'Simple DSO',
        'Best possible DSO',
        'Days delinquent',
        'Collection index (%)',
        'Sales incl. tax',
        'Receivables',
        'Not yet due',
        'Note',
      ],
      ['EUR', new Date(Date.UTC(2026, 1, 28)), 59, 90, 34.2, 24.8, 50, 300, 1300, 500],
    ]);
    expect(sheet?.getRow(2).getCell(3).numFmt).toBe('0.0');
  });

  it('sends a PDF naming the company and the customer, figures in French, numbered', async () => {
    const { session, a } = await ledger();
    const response = await get(
      session,
      `/api/reports/dso/export?months=2&format=pdf&customerId=${a}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pages = (await pdfPages(new Uint8Array(response.rawPayload))).map((page) =>
      page.replace(/\s+/gu, ' '),
    );
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain('Menuiseries Dupont SAS');
    expect(pages[0]).toContain('Historique du DSO, fins de mois jusqu’au 28/02/2026');
    expect(pages[0]).toContain('Client A — Alpha SARL');
    expect(pages[0]).toContain('EUR 28/02/2026');
    expect(pages[0]).toContain('500,00 €');
    expect(pages[0]).toContain('Page 1 sur 1');
  });

  it('refuses what the history refuses, and an unknown format', async () => {
    const { session } = await ledger();
    const refused = expectProblem(
      await get(session, '/api/reports/dso/export?months=61&format=xlsx'),
      400,
    );
    expect(refused.issues?.map((issue) => [issue.field, issue.code])).toEqual([
      ['months', 'report_months_out_of_range'],
    ]);
    expect((await get(session, '/api/reports/dso/export?format=docx')).statusCode).toBe(400);
    expect((await get(undefined, '/api/reports/dso/export')).statusCode).toBe(401);
  });
});
