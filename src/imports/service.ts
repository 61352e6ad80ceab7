import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { recordEvents } from '../audit/service.ts';
import { findUserIdsByEmails, requirePermission } from '../auth/service.ts';
import { getCompany } from '../companies/service.ts';
import { computeDueDate, parsePaymentTerms } from '../customers/payment-terms.ts';
import type { CustomerWithContacts } from '../customers/model.ts';
import {
  findCustomerIdsByCodes,
  newCustomerFields,
  planCustomerUpserts,
  type CustomerUpsert,
  type CustomerUpsertInput,
} from '../customers/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { planInvoiceUpserts, planPaymentUpserts, type UpsertPlan } from '../ledger/upsert-items.ts';
import type { Issue } from '../shared/errors.ts';
import { cents, parseCurrencyCode } from '../shared/money.ts';
import type {
  ColumnMapping,
  CustomerColumn,
  ImportKind,
  InvoiceColumn,
  PaymentColumn,
} from './column-mapping.ts';
import type { CustomerImportRow } from './customer-rows.ts';
import type { TextEncodingName } from './decode-text.ts';
import type { InvoiceImportRow } from './invoice-rows.ts';
import type { PaymentImportRow } from './payment-rows.ts';
import {
  parseImportFile,
  type ParsedImportFile,
  type ParseImportFileOptions,
} from './parse-import-file.ts';
import { lockCompanyImports } from './store.ts';
import type { TableFormat } from './read-table.ts';

export type ImportOptions = {
  kind: ImportKind;
  bytes: Uint8Array;
  fileName: string;
  /** Check and count, change nothing. */
  dryRun: boolean;
  /** Import the good rows even when some are rejected (default: all or nothing). */
  partial: boolean;
  encoding?: TextEncodingName | undefined;
  mapping?: ColumnMapping | undefined;
};

export type ImportReport = {
  kind: ImportKind;
  file: string;
  format: TableFormat | null;
  dryRun: boolean;
  partial: boolean;
  /** Whether the changes were saved. */
  committed: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errors: Issue[];
  notices: Issue[];
};

/** Thrown inside the transaction to roll it back once the report is built. */
class Rollback extends Error {}

/**
 * Imports a customers, invoices or payments file in one transaction. Every
 * rejected line is reported with its field and reason; unless `partial`, one
 * rejected line means nothing is saved. Rows are keyed (customer code, invoice
 * number, payment reference), so the same file imported twice changes nothing.
 */
export async function importFile(
  deps: Deps,
  ctx: Ctx,
  options: ImportOptions,
): Promise<ImportReport> {
  requirePermission(ctx, 'imports:run');
  const company = await getCompany(deps, ctx.companyId);
  const parseOptions: ParseImportFileOptions = {
    encoding: options.encoding,
    mapping: options.mapping,
    defaultCurrency: parseCurrencyCode(company.currency),
  };
  const report: ImportReport = {
    kind: options.kind,
    file: options.fileName,
    format: null,
    dryRun: options.dryRun,
    partial: options.partial,
    committed: false,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    notices: [],
  };
  const parsed = await parseByKind(options, parseOptions);
  Object.assign(report, {
    format: parsed.file.format ?? null,
    errors: parsed.file.errors,
    notices: parsed.file.notices,
  });
  const parseErrors = report.errors;

  try {
    // Retried as a whole if the database breaks a deadlock (inTransaction): every
    // figure of the report is computed afresh inside.
    await inTransaction(deps.db, async (tx) => {
      await lockCompanyImports(tx, ctx.companyId);
      const { outcomes, issues, write } = await planParsed(deps, tx, ctx, parsed);
      const errors = sortIssues([...parseErrors, ...issues]);
      const rejectedLines = new Set(errors.map((issue) => issue.line ?? 0));
      const isFileRefused = errors.some((issue) => issue.line === undefined);
      const counts = { created: 0, updated: 0, unchanged: 0 };
      for (const outcome of outcomes) {
        counts[outcome] += 1;
      }
      const rejected = isFileRefused ? 0 : rejectedLines.size;
      Object.assign(report, { ...counts, errors, rejected, rows: outcomes.length + rejected });
      const mustRollBack =
        options.dryRun || isFileRefused || (errors.length > 0 && !options.partial);
      if (mustRollBack) {
        throw new Rollback();
      }
      await write();
      await recordEvents(tx, ctx, [
        {
          action: 'import.completed',
          entityType: 'company',
          entityId: ctx.companyId,
          customerId: null,
          data: {
            kind: report.kind,
            file: report.file,
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged,
            rejected: report.rejected,
          },
        },
      ]);
      report.committed = true;
    });
  } catch (error) {
    if (!(error instanceof Rollback)) {
      throw error;
    }
  }
  return report;
}

type ParsedByKind =
  | { kind: 'customers'; file: ParsedImportFile<CustomerImportRow, CustomerColumn> }
  | { kind: 'invoices'; file: ParsedImportFile<InvoiceImportRow, InvoiceColumn> }
  | { kind: 'payments'; file: ParsedImportFile<PaymentImportRow, PaymentColumn> };

async function parseByKind(
  options: ImportOptions,
  parseOptions: ParseImportFileOptions,
): Promise<ParsedByKind> {
  const { bytes, fileName } = options;
  switch (options.kind) {
    case 'customers':
      return {
        kind: 'customers',
        file: await parseImportFile('customers', bytes, fileName, parseOptions),
      };
    case 'invoices':
      return {
        kind: 'invoices',
        file: await parseImportFile('invoices', bytes, fileName, parseOptions),
      };
    case 'payments':
      return {
        kind: 'payments',
        file: await parseImportFile('payments', bytes, fileName, parseOptions),
      };
  }
}

function planParsed(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  parsed: ParsedByKind,
): Promise<UpsertPlan> {
  switch (parsed.kind) {
    case 'customers':
      return planCustomers(deps, tx, ctx, parsed.file.rows, parsed.file.columns);
    case 'invoices':
      return planInvoices(deps, tx, ctx, parsed.file.rows);
    case 'payments':
      return planPayments(deps, tx, ctx, parsed.file.rows);
  }
}

function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function rowIssue(line: number, field: string, code: string, message: string): Issue {
  return { line, field, code, message };
}

/** Which customer fields each column of a file sets: an update touches only the file's columns. */
const CUSTOMER_FIELD_SETTERS: Partial<
  Record<
    CustomerColumn,
    (target: CustomerUpsert, row: CustomerImportRow, collectorId: string | null) => void
  >
> = {
  name: (t, r) => {
    t.legalName = r.name;
  },
  siren: (t, r) => {
    t.siren = r.siren ?? null;
  },
  siret: (t, r) => {
    t.siret = r.siret ?? null;
    t.siren = r.siren ?? t.siren;
  },
  vat_number: (t, r) => {
    t.vatNumber = r.vatNumber ?? null;
  },
  address_line1: (t, r) => {
    t.billingAddress = { ...t.billingAddress, line1: r.addressLine1 ?? null };
  },
  address_line2: (t, r) => {
    t.billingAddress = { ...t.billingAddress, line2: r.addressLine2 ?? null };
  },
  postal_code: (t, r) => {
    t.billingAddress = { ...t.billingAddress, postalCode: r.postalCode ?? null };
  },
  city: (t, r) => {
    t.billingAddress = { ...t.billingAddress, city: r.city ?? null };
  },
  country: (t, r) => {
    t.billingAddress = { ...t.billingAddress, country: r.country };
  },
  payment_terms: (t, r) => {
    t.paymentTerms = r.paymentTerms;
  },
  payment_method: (t, r) => {
    t.paymentMethod = r.paymentMethod;
  },
  collector_email: (t, _r, collectorId) => {
    t.collectorUserId = collectorId;
  },
  sales_rep: (t, r) => {
    t.salesRep = r.salesRep ?? null;
  },
  risk_category: (t, r) => {
    t.riskCategory = r.riskCategory;
  },
  status: (t, r) => {
    t.status = r.status;
  },
  credit_limit: (t, r) => {
    t.creditLimitCents = r.creditLimit ? cents(r.creditLimit.amount) : null;
  },
  deposit_percent: (t, r) => {
    t.depositBps = r.depositBps;
  },
};

async function planCustomers(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  rows: readonly CustomerImportRow[],
  columns: readonly CustomerColumn[],
): Promise<UpsertPlan> {
  const issues: Issue[] = [];
  const collectorEmails = rows.flatMap((row) => (row.collectorEmail ? [row.collectorEmail] : []));
  const collectors = await findUserIdsByEmails(tx, ctx, collectorEmails);
  const hasContactColumns = columns.some(
    (c) => c === 'email' || c === 'phone' || c === 'contact_name',
  );
  const upserts: CustomerUpsertInput[] = [];
  for (const row of rows) {
    const collectorId =
      row.collectorEmail === undefined ? null : collectors.get(row.collectorEmail.toLowerCase());
    if (collectorId === undefined) {
      issues.push(
        rowIssue(
          row.line,
          'collector_email',
          'unknown_user',
          `No user with e-mail "${row.collectorEmail}" in this company`,
        ),
      );
      continue;
    }
    // What the file says, over what is stored: an update touches only the file's columns.
    const build = (before: CustomerWithContacts | undefined): CustomerUpsert => {
      const {
        id: _id,
        contacts: _contacts,
        ...fields
      } = before ?? { ...newCustomerFields(row.code, row.name), id: '', contacts: [] };
      const target: CustomerUpsert = fields;
      for (const column of columns) {
        CUSTOMER_FIELD_SETTERS[column]?.(target, row, collectorId);
      }
      if (hasContactColumns && (row.email || row.phone || row.contactName)) {
        target.contacts = [
          {
            role: 'billing',
            name: row.contactName ?? null,
            email: row.email ?? null,
            phone: row.phone ?? null,
          },
        ];
      }
      return target;
    };
    upserts.push({ code: row.code, build });
  }
  const plan = await planCustomerUpserts(deps, tx, ctx, upserts);
  return {
    outcomes: upserts.map((upsert) => plan.outcomes.get(upsert.code) ?? 'unchanged'),
    issues,
    write: plan.write,
  };
}

type CustomerRef = { id: string; paymentTerms: string };

/**
 * Pairs each row with its customer (by code); a row naming an unknown customer
 * becomes an issue on its line instead.
 */
async function withCustomers<Row extends { line: number; customerCode: string }>(
  tx: Queryable,
  ctx: Ctx,
  rows: readonly Row[],
  issues: Issue[],
): Promise<{ row: Row; customer: CustomerRef }[]> {
  const customers = await findCustomerIdsByCodes(
    tx,
    ctx,
    rows.map((row) => row.customerCode),
  );
  return rows.flatMap((row) => {
    const customer = customers.get(row.customerCode);
    if (!customer) {
      issues.push(
        rowIssue(
          row.line,
          'customer_code',
          'unknown_customer',
          `Customer "${row.customerCode}" does not exist`,
        ),
      );
      return [];
    }
    return [{ row, customer }];
  });
}

async function planInvoices(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  rows: readonly InvoiceImportRow[],
): Promise<UpsertPlan> {
  const issues: Issue[] = [];
  const inputs = (await withCustomers(tx, ctx, rows, issues)).map(({ row, customer }) => {
    // No due date in the file: the customer's negotiated terms decide it.
    const terms = parsePaymentTerms(customer.paymentTerms);
    return {
      line: row.line,
      customerId: customer.id,
      kind: row.kind,
      number: row.number,
      issueDate: row.issueDate,
      dueDate: row.dueDate ?? (terms ? computeDueDate(row.issueDate, terms) : row.issueDate),
      amountCents: row.amount,
      currency: row.currency,
    };
  });
  const plan = await planInvoiceUpserts(deps, tx, ctx, inputs);
  return { ...plan, issues: [...issues, ...plan.issues] };
}

async function planPayments(
  deps: Deps,
  tx: Queryable,
  ctx: Ctx,
  rows: readonly PaymentImportRow[],
): Promise<UpsertPlan> {
  const issues: Issue[] = [];
  const inputs = (await withCustomers(tx, ctx, rows, issues)).map(({ row, customer }) => ({
    line: row.line,
    customerId: customer.id,
    reference: row.reference,
    receivedOn: row.date,
    amountCents: row.amount,
    currency: row.currency,
    method: row.method ?? 'transfer',
    invoiceNumber: row.invoiceNumber,
  }));
  const plan = await planPaymentUpserts(deps, tx, ctx, inputs);
  return { ...plan, issues: [...issues, ...plan.issues] };
}
