/**
 * The aged balance at the edges (issue 11): the answer the API and `--json` give, and the
 * files it is exported as (report-file.ts: CSV, every row; XLSX, every row, amounts as
 * numbers, the as-of date as a date, a totals row per currency; the PDF of
 * aged-balance-pdf.ts). Headings are words of the catalogue, in the reader's
 * language; amounts are decimals in their currency's digits (`1234.56`), never floats.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import type { Company } from '../companies/model.ts';
import { getCompany } from '../companies/service.ts';
import { RISK_CATEGORIES } from '../customers/schemas.ts';
import type { ListExport } from '../exports/list-export.ts';
import { moneyCell, type ExportColumn } from '../exports/table-writer.ts';
import type { Language } from '../shared/language.ts';
import {
  cliWord,
  messageOf,
  vocabularyWord,
  type MessageCode,
} from '../shared/messages/catalogue.ts';
import type { Cents } from '../shared/money.ts';
import { agedBalance, type AgedBalance, type AgedBalanceInput } from './aged-balance.ts';
import type { AgingBucket } from './aging.ts';
import { exportReportFile, type ReportFileSource, type ReportTable } from './report-file.ts';
import type { ReportFormat, TAgedBalance, TAgedBalanceTotal } from './schemas.ts';

/** The answer of `GET /api/reports/aged-balance` and of `--json`: the rows without their keys. */
export function presentAgedBalance(balance: AgedBalance): TAgedBalance {
  const figures = (row: AgedBalance['totals'][number]): TAgedBalanceTotal => ({
    currency: row.currency,
    buckets: [...row.buckets],
    invoicesOpen: row.invoicesOpen,
    overdue: row.overdue,
    creditNotesOpen: row.creditNotesOpen,
    unappliedCash: row.unappliedCash,
    net: row.net,
  });
  return {
    asOf: balance.asOf,
    by: balance.by,
    buckets: balance.buckets.map(({ minDaysLate, maxDaysLate }) => ({ minDaysLate, maxDaysLate })),
    rowCount: balance.rowCount,
    rows: balance.rows.map((row) => ({
      group: { id: row.group.id, code: row.group.code, name: row.group.name },
      ...figures(row),
    })),
    totals: balance.totals.map(figures),
  };
}

/** What the grouping is called under a title: « Par client ». */
export const AGED_BALANCE_GROUPING: Readonly<Record<TAgedBalance['by'], MessageCode>> = {
  customer: 'aged_balance_by_customer',
  collector: 'aged_balance_by_collector',
  category: 'aged_balance_by_category',
};

/** A bucket's heading: « Non échu », « 1–30 j », « Plus de 90 j ». */
export function bucketLabel(bucket: AgingBucket, language: Language): string {
  if (bucket.maxDaysLate === 0) {
    return messageOf(language, 'aged_balance_bucket_not_due');
  }
  return bucket.maxDaysLate === null
    ? messageOf(language, 'aged_balance_bucket_over', { after: bucket.minDaysLate - 1 })
    : messageOf(language, 'aged_balance_bucket_range', {
        from: bucket.minDaysLate,
        to: bucket.maxDaysLate,
      });
}

/** What a group's columns say of a row: a customer's code and name, a collector, a category. */
export function groupCells(
  by: TAgedBalance['by'],
  group: TAgedBalance['rows'][number]['group'],
  language: Language,
): string[] {
  switch (by) {
    case 'customer':
      return [group.code ?? '', group.name ?? ''];
    case 'collector':
      return [
        group.id === null
          ? messageOf(language, 'aged_balance_no_collector')
          : (group.name ?? group.id),
      ];
    case 'category':
      return [riskCategoryWord(group.code ?? '', language)];
  }
}

/** A category's word (« Risque élevé »), or its code when the catalogue has none. */
function riskCategoryWord(code: string, language: Language): string {
  const known = (RISK_CATEGORIES as readonly string[]).includes(code);
  return known
    ? vocabularyWord(language, 'riskCategory', code as (typeof RISK_CATEGORIES)[number])
    : code;
}

/** What a total's line says in the group's columns: « Total EUR » in the last one. */
export function totalCells(by: TAgedBalance['by'], currency: string, language: Language): string[] {
  const cells = groupHeadings(by, language).map(() => '');
  cells[cells.length - 1] = cliWord(language, 'total', { currency });
  return cells;
}

/** The headings of a group's columns. */
export function groupHeadings(by: TAgedBalance['by'], language: Language): string[] {
  const say = (code: MessageCode) => messageOf(language, code);
  switch (by) {
    case 'customer':
      return [say('aged_balance_column_code'), say('aged_balance_column_customer')];
    case 'collector':
      return [say('aged_balance_column_collector')];
    case 'category':
      return [say('aged_balance_column_category')];
  }
}

/** The headings of the figures, after the group and the currency: buckets, then the sums. */
export function figureHeadings(balance: TAgedBalance, language: Language): string[] {
  const say = (code: MessageCode) => messageOf(language, code);
  return [
    ...balance.buckets.map((bucket) => bucketLabel(bucket, language)),
    say('aged_balance_column_invoices_open'),
    say('aged_balance_column_overdue'),
    say('aged_balance_column_credit_notes'),
    say('aged_balance_column_unapplied_cash'),
    say('aged_balance_column_net'),
  ];
}

/** A row's or a total's figures, in the order of `figureHeadings`. */
export function figuresOf(row: TAgedBalanceTotal): Cents[] {
  return [
    ...row.buckets,
    row.invoicesOpen,
    row.overdue,
    row.creditNotesOpen,
    row.unappliedCash,
    row.net,
  ] as Cents[];
}

/**
 * The balance as the files' table: the as-of date (a date cell), the group's columns, the
 * currency, then each bucket and the sums as decimals of the row's currency. A total's
 * line says « Total » where the group's name goes.
 */
export function agedBalanceTable(balance: TAgedBalance, language: Language): ReportTable {
  const groups = groupHeadings(balance.by, language);
  const columns: ExportColumn[] = [
    { name: messageOf(language, 'aged_balance_column_as_of'), type: 'date' },
    ...groups.map((name): ExportColumn => ({ name, type: 'text' })),
    { name: messageOf(language, 'aged_balance_column_currency'), type: 'text' },
    ...figureHeadings(balance, language).map((name): ExportColumn => ({ name, type: 'decimal' })),
  ];
  const amounts = (row: TAgedBalanceTotal) =>
    figuresOf(row).map((amount) => moneyCell(amount, row.currency));
  return {
    columns,
    rows: balance.rows.map((row) => [
      balance.asOf,
      ...groupCells(balance.by, row.group, language),
      row.currency,
      ...amounts(row),
    ]),
    totals: balance.totals.map((total) => [
      balance.asOf,
      ...totalCells(balance.by, total.currency, language),
      total.currency,
      ...amounts(total),
    ]),
  };
}

/** What a written aged-balance file needs besides the balance. */
export type AgedBalanceFileContext = {
  company: Pick<Company, 'legalName' | 'addressLine1' | 'addressLine2' | 'postalCode' | 'city'>;
  language: Language;
};

/** The balance as report-file.ts writes it: its table, its sheet, its PDF. */
export function agedBalanceFile(
  balance: TAgedBalance,
  context: AgedBalanceFileContext,
): ReportFileSource {
  return {
    table: () => agedBalanceTable(balance, context.language),
    sheetName: messageOf(context.language, 'aged_balance_sheet'),
    // Loaded when asked: pdfkit is not needed for the spreadsheets (and aged-balance-pdf.ts
    // reads this file's headings).
    pdf: async () => (await import('./aged-balance-pdf.ts')).renderAgedBalancePdf(balance, context),
  };
}

/**
 * The aged balance with every row (no limit), written to a file of its own in the temporary
 * folder, named `balance-agee-<asOf>.<format>`; the caller sends and removes it. Refusals
 * are the use case's (400 `report_invalid`).
 */
export async function exportAgedBalance(
  deps: Deps,
  ctx: Ctx,
  input: Omit<AgedBalanceInput, 'limit'>,
  options: { format: ReportFormat; language: Language },
): Promise<ListExport> {
  const balance = presentAgedBalance(await agedBalance(deps, ctx, input));
  const company = await getCompany(deps, ctx.companyId);
  return exportReportFile(
    agedBalanceFile(balance, { company, language: options.language }),
    options.format,
    `balance-agee-${balance.asOf}`,
  );
}
