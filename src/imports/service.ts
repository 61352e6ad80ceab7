import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { recordEvents } from '../audit/service.ts';
import { requirePermission } from '../auth/service.ts';
import { getCompany } from '../companies/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { UpsertPlan } from '../ledger/upsert-items.ts';
import type { Issue } from '../shared/errors.ts';
import { parseCurrencyCode } from '../shared/money.ts';
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
import { planCustomers, planInvoices, planPayments } from './plan-rows.ts';
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
      // A `file` issue refuses the whole file, even when it names a line (bad encoding, stray quote).
      const isFileRefused = errors.some(
        (issue) => issue.line === undefined || issue.field === 'file',
      );
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
