/**
 * The DSO history as files (issue 11): a line per currency and month end — the count-back
 * DSO, the simple DSO, the BPDSO, the average days delinquent, the CEI, and the month's
 * sales, receivables and part not yet due — as CSV, XLSX (figures and amounts as numbers,
 * the month end as a date) and PDF (report-file.ts, report-pdf.ts). A count-back DSO whose
 * receivables outran the months read is a floor: its line says so in words.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { getCompany } from '../companies/service.ts';
import { listCustomerGroupings } from '../customers/service.ts';
import type { ListExport } from '../exports/list-export.ts';
import { moneyCell, type ExportColumn } from '../exports/table-writer.ts';
import { endOfMonth, formatDate } from '../shared/calendar-date.ts';
import type { Language } from '../shared/language.ts';
import { messageOf, type MessageCode } from '../shared/messages/catalogue.ts';
import type { Cents } from '../shared/money.ts';
import type { AgedBalanceFileContext } from './aged-balance-export.ts';
import { dsoReport, type DsoReport, type DsoReportInput } from './dso-report.ts';
import { formatOneDecimal, formatReportMoney } from './figure-text.ts';
import { exportReportFile, type ReportFileSource, type ReportTable } from './report-file.ts';
import type { PdfColumn } from './report-pdf.ts';
import type { ReportFormat } from './schemas.ts';

type DsoLine = DsoReport['currencies'][number]['months'][number];

/** The figures' headings, after the currency and the month end, in `dsoCells`' order. */
const FIGURE_CODES: readonly MessageCode[] = [
  'dso_column_dso',
  'dso_column_simple',
  'dso_column_bpdso',
  'dso_column_add',
  'dso_column_cei',
];
const AMOUNT_CODES: readonly MessageCode[] = [
  'dso_column_sales',
  'dso_column_receivables',
  'dso_column_not_due',
];

/** A one-decimal figure's `decimal` cell (`45.2`); empty for none. */
function figureCell(value: number | null): string {
  return value === null ? '' : value.toFixed(1);
}

/** What the last column says: the count-back figures that are floors, else nothing. */
function floorNote(line: DsoLine, language: Language): string {
  const floors = [
    line.dso.isExhausted ? null : messageOf(language, 'dso_column_dso'),
    line.bestPossibleDso.isExhausted ? null : messageOf(language, 'dso_column_bpdso'),
  ].filter((name): name is string => name !== null);
  return floors.length === 0
    ? ''
    : messageOf(language, 'dso_floor_note', { figures: floors.join(', ') });
}

/** The history as the spreadsheets' table: a line per currency and month end, no totals. */
export function dsoTable(report: DsoReport, language: Language): ReportTable {
  const say = (code: MessageCode) => messageOf(language, code);
  const columns: ExportColumn[] = [
    { name: say('aged_balance_column_currency'), type: 'text' },
    { name: say('dso_column_month_end'), type: 'date' },
    ...[...FIGURE_CODES, ...AMOUNT_CODES].map((code): ExportColumn => ({
      name: say(code),
      type: 'decimal',
    })),
    { name: say('dso_column_note'), type: 'text' },
  ];
  return {
    columns,
    rows: report.currencies.flatMap(({ currency, months }) =>
      months.map((line) => [
        currency,
        endOfMonth(line.month),
        ...figuresOf(line).map(figureCell),
        ...amountsOf(line).map((amount) => moneyCell(amount, currency)),
        floorNote(line, language),
      ]),
    ),
    totals: [],
  };
}

function figuresOf(line: DsoLine): (number | null)[] {
  return [
    line.dso.days,
    line.simpleDso,
    line.bestPossibleDso.days,
    line.averageDaysDelinquent,
    line.collectionEffectiveness,
  ];
}

function amountsOf(line: DsoLine): Cents[] {
  return [line.salesCents, line.receivablesCents, line.notDueCents] as Cents[];
}

/** Whose history it is, for the files' heading: the portfolio, or « C042 — Alpha SARL ». */
export type DsoSubject = { code: string; name: string } | null;

/** The history as report-file.ts writes it: its table, its sheet, its PDF. */
export function dsoFile(
  report: DsoReport,
  subject: DsoSubject,
  context: AgedBalanceFileContext,
): ReportFileSource {
  const { language } = context;
  return {
    table: () => dsoTable(report, language),
    sheetName: messageOf(language, 'dso_sheet'),
    pdf: async () => {
      // Loaded when asked, as the aged balance's: pdfkit is for the PDF only.
      const { renderReportPdf } = await import('./report-pdf.ts');
      const say = (code: MessageCode) => messageOf(language, code);
      const columns: PdfColumn[] = [
        { heading: say('aged_balance_column_currency'), widthMm: 14, align: 'left' },
        { heading: say('dso_column_month_end'), widthMm: 22, align: 'left' },
        ...FIGURE_CODES.map((code): PdfColumn => ({
          heading: say(code),
          widthMm: 24,
          align: 'right',
        })),
        ...AMOUNT_CODES.map((code): PdfColumn => ({
          heading: say(code),
          widthMm: null,
          align: 'right',
        })),
        { heading: say('dso_column_note'), widthMm: 34, align: 'left' },
      ];
      return renderReportPdf({
        company: context.company,
        language,
        title: messageOf(language, 'dso_history_title', { date: report.lastMonthEnd }),
        subtitle:
          subject === null ? say('dso_portfolio') : messageOf(language, 'dso_of_customer', subject),
        columns,
        rows: report.currencies.flatMap(({ currency, months }) =>
          months.map((line) => [
            currency,
            formatDate(endOfMonth(line.month), language),
            ...figuresOf(line).map((value) => formatOneDecimal(value, language)),
            ...amountsOf(line).map((amount) => formatReportMoney(amount, currency, language)),
            floorNote(line, language),
          ]),
        ),
        totals: [],
        emptyText: say('dso_nothing'),
      });
    },
  };
}

/** Whose history `customerId` is: its code and name (the use case has already checked it). */
export async function dsoSubject(
  deps: Deps,
  ctx: Ctx,
  customerId: string | undefined,
): Promise<DsoSubject> {
  if (customerId === undefined) {
    return null;
  }
  const customer = (await listCustomerGroupings(deps.db, ctx, [customerId])).get(customerId);
  return customer === undefined ? null : { code: customer.code, name: customer.name };
}

/**
 * The DSO history written to a file of its own in the temporary folder, named
 * `dso-<last month end>.<format>`; the caller sends and removes it. Refusals are the use
 * case's (400 `report_invalid`, 404 for an unknown customer).
 */
export async function exportDso(
  deps: Deps,
  ctx: Ctx,
  input: DsoReportInput,
  options: { format: ReportFormat; language: Language },
): Promise<ListExport> {
  const report = await dsoReport(deps, ctx, input);
  const subject = await dsoSubject(deps, ctx, input.customerId);
  const company = await getCompany(deps, ctx.companyId);
  return exportReportFile(
    dsoFile(report, subject, { company, language: options.language }),
    options.format,
    `dso-${report.lastMonthEnd}`,
  );
}
