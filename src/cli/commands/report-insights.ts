/**
 * `encaisse report pareto [--as-of D] [--of customers|invoices] [--currency C] [--share P]
 * [--limit N] [--json]` and `encaisse report collectors [--from D] [--to D] [--json]`: the
 * Pareto of the overdue amount and the collectors' activity (issue 11, docs/cli.md,
 * docs/formulas.md « Pareto », « Collector activity »), as tables for people or as the API
 * answers them (`--json`, amounts in minor units).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { TCollectorActivity, TPareto } from '../../reports/insight-schemas.ts';
import { PARETO_KINDS } from '../../reports/insight-schemas.ts';
import { sharePercent } from '../../reports/rounding.ts';
import { formatDate, type CalendarDate } from '../../shared/calendar-date.ts';
import type { Language } from '../../shared/language.ts';
import {
  messageOf,
  type MessageCode,
  type MessageParams,
} from '../../shared/messages/catalogue.ts';
import { formatMoney, isCurrencyCode, type Cents } from '../../shared/money.ts';
import { helpWords } from '../localized-command.ts';
import { dateArgument, parseOptions } from '../options.ts';
import { numberColumn, printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

const ZParetoOptions = z.object({
  asOf: z.string().optional(),
  of: z.enum(PARETO_KINDS).default('customers'),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  share: z.coerce.number().int().optional(),
  limit: z.coerce.number().int().min(1).default(100),
  json: z.boolean().optional(),
});

const ZCollectorsOptions = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  json: z.boolean().optional(),
});

/** A figure with one decimal as people read it: `66,7` (fr), `66.7` (en). */
function oneDecimal(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A percentage with one decimal (`66,7 %`, a no-break space in French); `—` for none. */
function percentText(value: number | null, language: Language): string {
  return value === null
    ? '—'
    : `${oneDecimal(value, language)}${language === 'fr' ? '\u00a0%' : ' %'}`;
}

function moneyText(amount: Cents, currency: string, language: Language): string {
  return isCurrencyCode(currency)
    ? formatMoney(amount, currency, language)
    : `${amount} ${currency}`;
}

/** Each currency's set as a table: its lines largest first, with the cumulative share. */
function printPareto(report: TPareto, language: Language): void {
  const say = (code: MessageCode, params?: MessageParams) => messageOf(language, code, params);
  if (report.currencies.length === 0) {
    process.stdout.write(`${say('pareto_nothing')}\n`);
    return;
  }
  const isInvoices = report.of === 'invoices';
  for (const set of report.currencies) {
    const money = (amount: number) => moneyText(amount as Cents, set.currency, language);
    process.stdout.write(`${say('pareto_title', { date: report.asOf, currency: set.currency })}\n`);
    process.stdout.write(
      `${say('pareto_summary', {
        count: set.setCount,
        items: set.itemCount,
        covered: money(set.coveredCents),
        total: money(set.totalCents),
        share: oneDecimal(set.sharePercent, language),
      })}\n\n`,
    );
    let covered = 0;
    printTable(
      [
        ...(isInvoices ? [say('pareto_column_invoice'), say('pareto_column_due_on')] : []),
        say('aged_balance_column_code'),
        say('aged_balance_column_customer'),
        ...(isInvoices ? [numberColumn(say('pareto_column_days_late'))] : []),
        numberColumn(say('aged_balance_column_overdue')),
        numberColumn(say('pareto_column_cumulative')),
      ],
      set.lines.map((line) => {
        covered += line.overdueCents;
        return [
          ...(line.invoice === null
            ? []
            : [line.invoice.number, formatDate(line.invoice.dueDate as CalendarDate, language)]),
          line.customer.code,
          line.customer.name,
          ...(line.invoice === null ? [] : [String(line.invoice.daysPastDue)]),
          money(line.overdueCents),
          percentText(sharePercent(BigInt(covered), BigInt(set.totalCents)), language),
        ];
      }),
    );
    if (set.lines.length < set.setCount) {
      process.stdout.write(
        `\n${say('pareto_lines_shown', { count: set.lines.length, total: set.setCount })}\n`,
      );
    }
    process.stdout.write('\n');
  }
}

/** A line per collector and week, then the collector's whole period. */
function printCollectors(report: TCollectorActivity, language: Language): void {
  const say = (code: MessageCode, params?: MessageParams) => messageOf(language, code, params);
  process.stdout.write(`${say('collectors_title', { from: report.from, to: report.to })}\n\n`);
  if (report.collectors.length === 0) {
    process.stdout.write(`${say('collectors_nothing')}\n`);
    return;
  }
  type Figures = TCollectorActivity['collectors'][number]['total'];
  const cells = (figures: Figures) => [
    String(figures.contacts),
    String(figures.messages),
    String(figures.calls),
    String(figures.callsReached),
    String(figures.promisesTaken),
    String(figures.promisesDue),
    String(figures.promisesDecidedKept),
    percentText(figures.keptRateByCount, language),
    figures.amounts
      .map((amount) => percentText(amount.keptRateByAmount, language) + ` ${amount.currency}`)
      .join(', ') || '—',
  ];
  printTable(
    [
      say('aged_balance_column_collector'),
      say('collectors_column_week'),
      ...(
        [
          'collectors_column_contacts',
          'collectors_column_messages',
          'collectors_column_calls',
          'collectors_column_reached',
          'collectors_column_taken',
          'collectors_column_due',
          'collectors_column_kept',
          'collectors_column_rate_count',
          'collectors_column_rate_amount',
        ] as const
      ).map((code) => numberColumn(say(code))),
    ],
    report.collectors.flatMap(({ collector, weeks, total }) => {
      const name = collector.name ?? say('collectors_nobody');
      return [
        ...weeks.map((week) => [
          name,
          formatDate(week.week as CalendarDate, language),
          ...cells(week),
        ]),
        [name, say('collectors_whole_period'), ...cells(total)],
      ];
    }),
  );
}

/** `report pareto` and `report collectors`, under `encaisse report`. */
export function registerInsightCommands(report: Command, language: Language): void {
  const help = helpWords(language);
  const say = (code: MessageCode) => messageOf(language, code);
  report
    .command('pareto')
    .description(say('pareto_cli_help'))
    .option('--as-of <date>', say('pareto_cli_as_of'), dateArgument(language))
    .option('--of <what>', say('pareto_cli_of'))
    .option('--currency <code>', say('pareto_cli_currency'))
    .option('--share <percent>', say('pareto_cli_share'))
    .option('--limit <n>', say('pareto_cli_limit'))
    .option('--json', help('jsonAmounts'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZParetoOptions, raw, language);
      // Loaded here: the use case reaches the ledger's services (import-memory.test.ts).
      const { paretoReport } = await import('../../reports/pareto-report.ts');
      const result = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx }) =>
          paretoReport(deps, ctx, {
            asOf: options.asOf as CalendarDate | undefined,
            of: options.of,
            currency: options.currency,
            share: options.share,
            limit: options.limit,
          }),
      );
      if (options.json === true) {
        printJson(result);
        return;
      }
      printPareto(result, language);
    });
  report
    .command('collectors')
    .description(say('collectors_cli_help'))
    .option('--from <date>', say('collectors_cli_from'), dateArgument(language))
    .option('--to <date>', say('collectors_cli_to'), dateArgument(language))
    .option('--json', help('jsonAmounts'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZCollectorsOptions, raw, language);
      const { collectorActivityReport } = await import('../../reports/collector-activity.ts');
      const result = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx }) =>
          collectorActivityReport(deps, ctx, {
            from: options.from as CalendarDate | undefined,
            to: options.to as CalendarDate | undefined,
          }),
      );
      if (options.json === true) {
        printJson(result);
        return;
      }
      printCollectors(result, language);
    });
}
