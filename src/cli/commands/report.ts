/**
 * `encaisse report …`: the reports of issue 11. `report aged-balance [--as-of D] [--by
 * customer|collector|category] [--buckets 30,60,90] [--currency EUR] [--sort S] [--limit N]
 * [--json | --csv | --xlsx FILE | --pdf FILE]`: the aged balance as a table for people, as
 * the API answers it (`--json`, amounts in minor units), every row as CSV on stdout, or
 * written to an Excel workbook or a PDF (docs/cli.md, docs/formulas.md « Aged balance »).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type * as AgedBalanceExport from '../../reports/aged-balance-export.ts';
import type { DsoReport } from '../../reports/dso-report.ts';
import { formatOneDecimal, formatReportMoney } from '../../reports/figure-text.ts';
import type { ReportFileSource } from '../../reports/report-file.ts';
import type { TAgedBalance } from '../../reports/schemas.ts';
import {
  AGED_BALANCE_BY,
  AGED_BALANCE_ORDERS,
  bucketBoundsOf,
  ZBucketList,
} from '../../reports/schemas.ts';
import { findCustomerIdsByCodes } from '../../customers/service.ts';
import { endOfMonth, formatDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { normalizeCustomerCode } from '../../shared/identifiers.ts';
import type { Language } from '../../shared/language.ts';
import {
  messageOf,
  type MessageCode,
  type MessageParams,
} from '../../shared/messages/catalogue.ts';
import type { Cents } from '../../shared/money.ts';
import { helpWords } from '../localized-command.ts';
import { registerForecastCommands } from './report-forecast.ts';
import { registerInsightCommands } from './report-insights.ts';
import { dateArgument, parseOptions } from '../options.ts';
import { numberColumn, printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';
import { registerPayersCommand } from './report-payers.ts';

const FORMAT_FLAGS = ['json', 'csv', 'xlsx', 'pdf'] as const;

/** `--currency eur` as people type it: an ISO code, in capitals. */
const ZCurrencyOption = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/)
  .optional();

/** The outputs of a report, one at a time: JSON, CSV on stdout, or a file. */
const OUTPUT_OPTIONS = {
  json: z.boolean().optional(),
  csv: z.boolean().optional(),
  xlsx: z.string().min(1).optional(),
  pdf: z.string().min(1).optional(),
};
type OutputOptions = {
  json?: boolean | undefined;
  csv?: boolean | undefined;
  xlsx?: string | undefined;
  pdf?: string | undefined;
};

/** Refuses a second output flag: the second one given is the one named. */
function oneOutput(options: OutputOptions, context: z.RefinementCtx): void {
  const given = FORMAT_FLAGS.filter((flag) => options[flag] !== undefined);
  if (given.length > 1) {
    context.addIssue({
      code: 'custom',
      path: [given[1] ?? 'json'],
      message: 'aged_balance_cli_one_format',
      params: { code: 'aged_balance_cli_one_format' },
    });
  }
}

/** Whether the options ask for every row: CSV and the files hold them all. */
function isWhole(options: OutputOptions): boolean {
  return options.csv === true || options.xlsx !== undefined || options.pdf !== undefined;
}

/**
 * Sends a report where `options` ask: `--json` as the API answers, `--csv` on stdout for
 * Unix tools (LF line ends, no byte-order mark), `--xlsx`/`--pdf` to a file (then says
 * where, with `written`), else the table for people (`print`).
 */
async function outputReport(
  options: OutputOptions,
  report: {
    json: unknown;
    file: () => ReportFileSource;
    print: () => void;
    written: MessageCode;
  },
  language: Language,
): Promise<void> {
  if (options.json === true) {
    printJson(report.json);
    return;
  }
  if (!isWhole(options)) {
    report.print();
    return;
  }
  // Loaded here: exceljs and pdfkit are for the files only (import-memory.test.ts).
  const { reportCsv, writeReportFile } = await import('../../reports/report-file.ts');
  if (options.csv === true) {
    process.stdout.write(
      reportCsv(report.file().table(), { delimiter: ',', lineEnding: '\n', byteOrderMark: false }),
    );
    return;
  }
  const path = resolve(options.xlsx ?? options.pdf ?? '');
  const count = await writeReportFile(
    report.file(),
    options.xlsx === undefined ? 'pdf' : 'xlsx',
    path,
  );
  process.stdout.write(`${messageOf(language, report.written, { path, count })}\n`);
}

const ZAgedBalanceOptions = z
  .object({
    asOf: z.string().optional(),
    by: z.enum(AGED_BALANCE_BY).default('customer'),
    buckets: ZBucketList.optional(),
    currency: ZCurrencyOption,
    sort: z.enum(AGED_BALANCE_ORDERS).default('open'),
    limit: z.coerce.number().int().min(1).optional(),
    ...OUTPUT_OPTIONS,
  })
  .superRefine(oneOutput);

/** The export's helpers, loaded by the action (`import()`). */
type Words = typeof AgedBalanceExport;

/** The balance as a table for people: a line per row, then a total per currency. */
function printAgedBalance(balance: TAgedBalance, language: Language, words: Words): void {
  const say = (code: MessageCode, params?: MessageParams) => messageOf(language, code, params);
  const amounts = (row: TAgedBalance['totals'][number]) =>
    words.figuresOf(row).map((amount) => formatReportMoney(amount, row.currency, language));
  const groups = words.groupHeadings(balance.by, language);
  process.stdout.write(
    `${say('aged_balance_title', { date: balance.asOf })} — ${say(words.AGED_BALANCE_GROUPING[balance.by])}\n\n`,
  );
  if (balance.rows.length === 0) {
    process.stdout.write(`${say('aged_balance_nothing_open')}\n`);
    return;
  }
  printTable(
    [
      ...groups,
      say('aged_balance_column_currency'),
      ...words.figureHeadings(balance, language).map(numberColumn),
    ],
    [
      ...balance.rows.map((row) => [
        ...words.groupCells(balance.by, row.group, language),
        row.currency,
        ...amounts(row),
      ]),
      ...balance.totals.map((total) => [
        ...words.totalCells(balance.by, total.currency, language),
        total.currency,
        ...amounts(total),
      ]),
    ],
  );
  if (balance.rows.length < balance.rowCount) {
    process.stdout.write(
      `\n${say('aged_balance_rows_shown', { count: balance.rows.length, total: balance.rowCount })}\n`,
    );
  }
}

/** `encaisse report`, the reports' command, and its `aged-balance`. */
export function registerReportCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = (code: MessageCode) => messageOf(language, code);
  const report = program.command('report').description(say('aged_balance_cli_report'));
  report
    .command('aged-balance')
    .description(say('aged_balance_cli_help'))
    .option('--as-of <date>', say('aged_balance_cli_as_of'), dateArgument(language))
    .option('--by <group>', say('aged_balance_cli_by'))
    .option('--buckets <days>', say('aged_balance_cli_buckets'))
    .option('--currency <code>', say('aged_balance_cli_currency'))
    .option('--sort <order>', say('aged_balance_cli_sort'))
    .option('--limit <n>', say('aged_balance_cli_limit'))
    .option('--json', help('jsonAmounts'))
    .option('--csv', say('aged_balance_cli_csv'))
    .option('--xlsx <file>', say('aged_balance_cli_xlsx'))
    .option('--pdf <file>', say('aged_balance_cli_pdf'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZAgedBalanceOptions, raw, language);
      // Loaded here: the use case reaches the ledger's and the customers' services, and the
      // files exceljs and pdfkit, which the other commands need not carry (import-memory.test.ts).
      const { agedBalance } = await import('../../reports/aged-balance.ts');
      const words = await import('../../reports/aged-balance-export.ts');
      await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx, company }) => {
          const balance = words.presentAgedBalance(
            await agedBalance(deps, ctx, {
              asOf: options.asOf as CalendarDate | undefined,
              bounds: options.buckets === undefined ? undefined : bucketBoundsOf(options.buckets),
              by: options.by,
              currency: options.currency,
              sort: options.sort,
              // The files hold every row.
              limit: isWhole(options) ? undefined : options.limit,
            }),
          );
          await outputReport(
            options,
            {
              json: balance,
              file: () => words.agedBalanceFile(balance, { company, language }),
              print: () => printAgedBalance(balance, language, words),
              written: 'aged_balance_cli_written',
            },
            language,
          );
        },
      );
    });
  registerDsoCommand(report, language);
  registerForecastCommands(report, language);
  registerInsightCommands(report, language);
  registerPayersCommand(report, language);
}

const ZDsoOptions = z
  .object({
    asOf: z.string().optional(),
    months: z.coerce.number().int().optional(),
    currency: ZCurrencyOption,
    customer: z.string().trim().min(1).optional(),
    ...OUTPUT_OPTIONS,
  })
  .superRefine(oneOutput);

/** A count-back DSO as people read it: `45,2`, and `365,0+ (not exhausted)` when a floor. */
function daysText(figure: { days: number; isExhausted: boolean }, language: Language): string {
  const days = formatOneDecimal(figure.days, language);
  return figure.isExhausted ? days : messageOf(language, 'dso_not_exhausted', { days });
}

/** The history as a table per currency: a line per month end, the oldest first. */
function printDso(report: DsoReport, language: Language): void {
  const say = (code: MessageCode, params?: MessageParams) => messageOf(language, code, params);
  if (report.currencies.length === 0) {
    process.stdout.write(`${say('dso_nothing')}\n`);
    return;
  }
  const number = (value: number | null) => formatOneDecimal(value, language);
  for (const { currency, months } of report.currencies) {
    const money = (amount: Cents) => formatReportMoney(amount, currency, language);
    process.stdout.write(`${say('dso_title', { currency, date: report.lastMonthEnd })}\n\n`);
    printTable(
      [
        say('dso_column_month_end'),
        ...(
          [
            'dso_column_dso',
            'dso_column_simple',
            'dso_column_bpdso',
            'dso_column_add',
            'dso_column_cei',
            'dso_column_sales',
            'dso_column_receivables',
          ] as const
        ).map((code) => numberColumn(say(code))),
      ],
      months.map((month) => [
        formatDate(endOfMonth(month.month), language),
        daysText(month.dso, language),
        number(month.simpleDso),
        daysText(month.bestPossibleDso, language),
        number(month.averageDaysDelinquent),
        number(month.collectionEffectiveness),
        money(month.salesCents),
        money(month.receivablesCents),
      ]),
    );
    process.stdout.write('\n');
  }
}

/** `encaisse report dso [--as-of D] [--months N] [--currency C] [--customer CODE] [--json]`. */
function registerDsoCommand(report: Command, language: Language): void {
  const help = helpWords(language);
  const say = (code: MessageCode) => messageOf(language, code);
  report
    .command('dso')
    .description(say('dso_cli_help'))
    .option('--as-of <date>', say('dso_cli_as_of'), dateArgument(language))
    .option('--months <n>', say('dso_cli_months'))
    .option('--currency <code>', say('dso_cli_currency'))
    .option('--customer <code>', say('dso_cli_customer'))
    .option('--json', help('jsonAmounts'))
    .option('--csv', say('dso_cli_csv'))
    .option('--xlsx <file>', say('dso_cli_xlsx'))
    .option('--pdf <file>', say('dso_cli_pdf'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZDsoOptions, raw, language);
      // Loaded here, as the aged balance's: the use case reaches the ledger's services.
      const { dsoReport } = await import('../../reports/dso-report.ts');
      const { dsoFile, dsoSubject } = await import('../../reports/dso-export.ts');
      await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx, company }) => {
          let customerId: string | undefined;
          if (options.customer !== undefined) {
            const code = normalizeCustomerCode(options.customer);
            customerId = (await findCustomerIdsByCodes(deps.db, ctx, [code])).get(code)?.id;
            if (customerId === undefined) {
              throw new NotFoundError('customer', options.customer);
            }
          }
          const result = await dsoReport(deps, ctx, {
            asOf: options.asOf as CalendarDate | undefined,
            months: options.months,
            currency: options.currency,
            customerId,
          });
          const subject = await dsoSubject(deps, ctx, customerId);
          await outputReport(
            options,
            {
              json: result,
              file: () => dsoFile(result, subject, { company, language }),
              print: () => printDso(result, language),
              written: 'dso_cli_written',
            },
            language,
          );
        },
      );
    });
}
