import type { Command } from 'commander';
import { z } from 'zod';
import type { DisputeReport, ReportDepartment } from '../../disputes/report-model.ts';
import type { CalendarDate } from '../../shared/calendar-date.ts';
import type { Language } from '../../shared/language.ts';
import { findMessage, messageOf, type MessageCode } from '../../shared/messages/catalogue.ts';
import { formatMoney, isCurrencyCode, type Cents } from '../../shared/money.ts';
import { helpWords } from '../localized-command.ts';
import { dateArgument, parseOptions } from '../options.ts';
import { numberColumn, printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

const ZReportOptions = z.object({ asOf: z.string().optional(), json: z.boolean().optional() });

/** The report's sections as tables for people, each under its title (an empty one says so). */
function printReport(report: DisputeReport, language: Language): void {
  const say = (code: MessageCode, params?: Record<string, string>) =>
    messageOf(language, code, params);
  const money = (amount: Cents, currency: string) =>
    isCurrencyCode(currency) ? formatMoney(amount, currency, language) : `${amount} ${currency}`;
  // A default cause is worded by the catalogue; a company's own is shown by its code.
  const cause = (code: string) => findMessage(language, `dispute_cause_${code}`) ?? code;
  const department = (value: ReportDepartment | null) =>
    value === null ? say('dispute_report_no_department') : value.name;
  const section = (
    title: MessageCode,
    columns: Parameters<typeof printTable>[0],
    rows: string[][],
  ) => {
    process.stdout.write(`\n${say(title)}\n`);
    if (rows.length === 0) {
      process.stdout.write(`${say('dispute_report_nothing')}\n`);
      return;
    }
    printTable(columns, rows);
  };
  const count = numberColumn(say('dispute_report_column_count'));
  const amount = numberColumn(say('dispute_report_column_amount'));
  process.stdout.write(`${say('dispute_report_title', { date: report.asOf })}\n`);
  section(
    'dispute_report_open_by_cause',
    [say('dispute_report_column_cause'), count, amount],
    report.openByCause.map((row) => [
      cause(row.cause),
      String(row.count),
      money(row.amountCents, row.currency),
    ]),
  );
  section(
    'dispute_report_open_by_department',
    [
      say('dispute_report_column_department'),
      count,
      amount,
      numberColumn(say('dispute_report_column_overdue')),
    ],
    report.openByDepartment.map((row) => [
      department(row.department),
      String(row.count),
      money(row.amountCents, row.currency),
      String(row.overdueCount),
    ]),
  );
  section(
    'dispute_report_open_by_age',
    [say('dispute_report_column_age'), count, amount],
    report.openByAge.map((row) => [
      row.bucket,
      String(row.count),
      money(row.amountCents, row.currency),
    ]),
  );
  const resolved = numberColumn(say('dispute_report_column_resolved'));
  const average = numberColumn(say('dispute_report_column_average_days'));
  const days = (value: number) => value.toLocaleString(language, { maximumFractionDigits: 1 });
  section(
    'dispute_report_resolution_by_cause',
    [say('dispute_report_column_cause'), resolved, average],
    report.resolutionByCause.map((row) => [
      cause(row.cause),
      String(row.resolvedCount),
      days(row.averageDays),
    ]),
  );
  section(
    'dispute_report_resolution_by_department',
    [say('dispute_report_column_department'), resolved, average],
    report.resolutionByDepartment.map((row) => [
      department(row.department),
      String(row.resolvedCount),
      days(row.averageDays),
    ]),
  );
  section(
    'dispute_report_blocked',
    [amount, count, numberColumn(say('dispute_report_column_invoices'))],
    report.blocked.map((row) => [
      money(row.amountCents, row.currency),
      String(row.disputeCount),
      String(row.invoiceCount),
    ]),
  );
  section(
    'dispute_report_recurring_by_customer',
    [say('dispute_report_column_customer'), say('dispute_report_column_cause'), count, amount],
    report.recurringByCustomer.map((row) => [
      `${row.customer.code} ${row.customer.name}`,
      cause(row.cause),
      String(row.count),
      money(row.amountCents, row.currency),
    ]),
  );
  section(
    'dispute_report_recurring_by_sales_rep',
    [say('dispute_report_column_sales_rep'), say('dispute_report_column_cause'), count, amount],
    report.recurringBySalesRep.map((row) => [
      row.salesRep,
      cause(row.cause),
      String(row.count),
      money(row.amountCents, row.currency),
    ]),
  );
}

/**
 * `encaisse disputes report [--as-of DATE] [--json]`: the dispute report (docs/disputes.md
 * « Reports »), hung under the `disputes` command; `--json` prints it as the API answers it.
 */
export function registerDisputeReportCommand(disputes: Command, language: Language): void {
  disputes
    .command('report')
    .description(messageOf(language, 'dispute_report_help'))
    .option(
      '--as-of <date>',
      messageOf(language, 'dispute_report_as_of_help'),
      dateArgument(language),
    )
    .option('--json', helpWords(language)('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZReportOptions, raw, language);
      // Loaded here: the report reaches the customers' and the ledger's services, which the
      // other commands need not carry (import-memory.test.ts).
      const { disputeReport } = await import('../../disputes/reports.ts');
      const report = await withCompany(command.optsWithGlobals<GlobalOptions>(), ({ deps, ctx }) =>
        disputeReport(deps, ctx, { asOf: options.asOf as CalendarDate | undefined }),
      );
      if (options.json) {
        printJson(report);
        return;
      }
      printReport(report, language);
    });
}
