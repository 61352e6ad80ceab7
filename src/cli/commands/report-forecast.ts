/**
 * `encaisse report forecast [--as-of D] [--currency C] [--json]`: the cash forecast, a table
 * of the 13 weeks per currency; `encaisse report backtest --from D --to D [--currency C]
 * [--json]`: the forecast replayed as of `--from`, the model's and the due-date baseline's
 * errors, and which one wins (docs/cli.md, docs/formulas.md « Cash forecast », « Backtest »).
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { TBacktestReport, TForecastReport } from '../../reports/forecast-schemas.ts';
import { formatOneDecimal, formatReportMoney } from '../../reports/figure-text.ts';
import { formatDate, type CalendarDate } from '../../shared/calendar-date.ts';
import type { Language } from '../../shared/language.ts';
import {
  messageOf,
  type MessageCode,
  type MessageParams,
} from '../../shared/messages/catalogue.ts';
import type { Cents } from '../../shared/money.ts';
import { helpWords } from '../localized-command.ts';
import { dateArgument, parseOptions } from '../options.ts';
import { numberColumn, printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

/** `--currency eur` as people type it: an ISO code, in capitals. */
const ZCurrencyOption = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/)
  .optional();

const ZForecastOptions = z.object({
  asOf: z.string().optional(),
  currency: ZCurrencyOption,
  json: z.boolean().optional(),
});

const ZBacktestOptions = z.object({
  from: z.string(),
  to: z.string(),
  currency: ZCurrencyOption,
  json: z.boolean().optional(),
});

/** The forecast per currency: a line per week, then later and the total open. */
function printForecast(report: TForecastReport, language: Language): void {
  const say = (code: MessageCode, params?: MessageParams) => messageOf(language, code, params);
  if (report.currencies.length === 0) {
    process.stdout.write(`${say('forecast_nothing')}\n`);
  }
  for (const entry of report.currencies) {
    const money = (amount: number) => formatReportMoney(amount as Cents, entry.currency, language);
    process.stdout.write(
      `${say('forecast_title', { currency: entry.currency, date: report.asOf })}\n\n`,
    );
    printTable(
      [
        say('forecast_column_week'),
        numberColumn(say('forecast_column_amount')),
        numberColumn(say('forecast_column_invoices')),
      ],
      [
        ...entry.weeks.map((week) => [
          formatDate(week.monday as CalendarDate, language),
          money(week.amountCents),
          String(week.invoiceCount),
        ]),
        [say('forecast_later'), money(entry.laterCents), String(entry.laterInvoiceCount)],
        [say('forecast_total'), money(entry.openCents), String(entry.invoiceCount)],
      ],
    );
    process.stdout.write(
      `\n${say('forecast_overdue_promised', { overdue: money(entry.overdueCents), promised: money(entry.promisedCents) })}\n\n`,
    );
  }
  const { model } = report;
  process.stdout.write(
    `${say('forecast_model', {
      count: model.paidInvoices,
      from: model.historyFrom,
      customers: model.customersWithHistory,
      days: formatOneDecimal(model.portfolioDelayDays, language),
    })}\n`,
  );
}

/** Which of the model and the baseline erred less in days, said in words. */
function verdictOf(result: TBacktestReport): MessageCode {
  const model = result.model.meanAbsoluteErrorDays;
  const baseline = result.baseline.meanAbsoluteErrorDays;
  if (model === null || baseline === null) {
    return 'backtest_nothing_paid';
  }
  if (model === baseline) {
    return 'backtest_tie';
  }
  return model < baseline ? 'backtest_model_wins' : 'backtest_baseline_wins';
}

/** The backtest: the two ways of predicting side by side, then the verdict. */
function printBacktest(result: TBacktestReport, language: Language): void {
  const say = (code: MessageCode, params?: MessageParams) => messageOf(language, code, params);
  const currencies = result.model.weeklyErrors.map((entry) => entry.currency);
  const row = (label: MessageCode, score: TBacktestReport['model']) => [
    say(label),
    formatOneDecimal(score.meanAbsoluteErrorDays, language),
    ...currencies.map((currency) =>
      formatReportMoney(
        (score.weeklyErrors.find((entry) => entry.currency === currency)?.errorCents ?? 0) as Cents,
        currency,
        language,
      ),
    ),
  ];
  process.stdout.write(`${say('backtest_title', { from: result.from, to: result.to })}\n`);
  process.stdout.write(
    `${say('backtest_invoices', { count: result.paidInvoices, unpaid: result.unpaidInvoices })}\n\n`,
  );
  printTable(
    [
      say('backtest_column_method'),
      numberColumn(say('backtest_column_days')),
      ...currencies.map((currency) => numberColumn(say('backtest_column_weekly', { currency }))),
    ],
    [row('backtest_model', result.model), row('backtest_baseline', result.baseline)],
  );
  process.stdout.write(`\n${say(verdictOf(result))}\n`);
}

/** `report forecast` and `report backtest`, under `report`. */
export function registerForecastCommands(report: Command, language: Language): void {
  const help = helpWords(language);
  const say = (code: MessageCode) => messageOf(language, code);
  report
    .command('forecast')
    .description(say('forecast_cli_help'))
    .option('--as-of <date>', say('forecast_cli_as_of'), dateArgument(language))
    .option('--currency <code>', say('forecast_cli_currency'))
    .option('--json', help('jsonAmounts'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZForecastOptions, raw, language);
      // Loaded here: the use case reaches the ledger's and the promises' services, which the
      // other commands need not carry (import-memory.test.ts).
      const { forecastReport } = await import('../../reports/forecast-report.ts');
      const result = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx }) =>
          forecastReport(deps, ctx, {
            asOf: options.asOf as CalendarDate | undefined,
            currency: options.currency,
          }),
      );
      if (options.json === true) {
        printJson(result);
        return;
      }
      printForecast(result, language);
    });
  report
    .command('backtest')
    .description(say('backtest_cli_help'))
    .option('--from <date>', say('backtest_cli_from'), dateArgument(language))
    .option('--to <date>', say('backtest_cli_to'), dateArgument(language))
    .option('--currency <code>', say('backtest_cli_currency'))
    .option('--json', help('jsonAmounts'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZBacktestOptions, raw, language);
      const { backtestReport } = await import('../../reports/forecast-report.ts');
      const result = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx }) =>
          backtestReport(deps, ctx, {
            from: options.from as CalendarDate,
            to: options.to as CalendarDate,
            currency: options.currency,
          }),
      );
      if (options.json === true) {
        printJson(result);
        return;
      }
      printBacktest(result, language);
    });
}
