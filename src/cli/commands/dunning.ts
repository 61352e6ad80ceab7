import type { Command } from 'commander';
import { z } from 'zod';
import type { ActionStatus } from '../../dunning/run-plan.ts';
import type { RunReport } from '../../dunning/run.ts';
import type { Channel } from '../../dunning/scenario.ts';
import { listScenarios, listTemplates } from '../../dunning/service.ts';
import type { CalendarDate } from '../../shared/calendar-date.ts';
import { formatMoney, isCurrencyCode, type Cents } from '../../shared/money.ts';
import type { Language } from '../../shared/language.ts';
import { vocabularyWord } from '../../shared/messages/catalogue.ts';
import { helpWords } from '../localized-command.ts';
import { dateArgument, parseOptions } from '../options.ts';
import { numberColumn, outputWords, printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

const ZListOptions = z.object({ json: z.boolean().optional() });

const ZRunOptions = z.object({
  date: z.string().optional(),
  dryRun: z.boolean().optional(),
  json: z.boolean().optional(),
  publicUrl: z.url().optional(),
});

function money(amount: Cents, currency: string, language: Language): string {
  return isCurrencyCode(currency)
    ? formatMoney(amount, currency, language)
    : `${amount} ${currency}`;
}

/** The run's report as a table of what went out (or would), then one line of counts. */
function printRunReport(report: RunReport, language: Language): void {
  const say = outputWords(language);
  printTable(
    [
      say('columnCustomer'),
      say('columnStep'),
      say('columnChannel'),
      say('columnStatus'),
      numberColumn(say('columnInvoices')),
      numberColumn(say('columnAmount')),
    ],
    report.actions.map((action) => [
      `${action.customer.code} ${action.customer.name}`,
      action.stepDay < 0 ? `J${action.stepDay}` : `J+${action.stepDay}`,
      vocabularyWord(language, 'dunningChannel', action.channel as Channel),
      vocabularyWord(language, 'dunningActionStatus', action.status as ActionStatus),
      String(action.invoiceCount),
      money(action.totalOpenCents, action.currency, language),
    ]),
  );
  console.log(
    say(report.dryRun ? 'dunningRunPreviewed' : 'dunningRunDone', {
      date: report.runOn,
      customers: report.counts.customers,
      actions: report.counts.actions,
      messages: report.counts.messages,
      awaitingApproval: report.counts.awaitingApproval,
      tasks: report.counts.tasks,
      heldBack: report.counts.heldBack,
    }),
  );
}

/**
 * `encaisse dunning scenarios|templates`: the company's dunning configuration as stored
 * (created with the French defaults on first use, docs/dunning.md). Editing is the web's
 * and the API's.
 */
export function registerDunningCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  const dunning = program.command('dunning').description(help('dunning'));
  dunning
    .command('scenarios')
    .description(help('dunningScenarios'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZListOptions, raw, language);
      const scenarios = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        ({ deps, ctx }) => listScenarios(deps, ctx),
      );
      if (options.json) {
        printJson({ items: scenarios });
        return;
      }
      printTable(
        [
          say('columnName'),
          numberColumn(say('columnSteps')),
          say('columnRiskCategory'),
          say('columnCompanyDefault'),
          numberColumn(say('columnAssignedCustomers')),
        ],
        scenarios.map((scenario) => [
          scenario.name,
          String(scenario.steps.length),
          scenario.riskCategory === null
            ? ''
            : vocabularyWord(language, 'riskCategory', scenario.riskCategory),
          scenario.isCompanyDefault ? say('yes') : say('no'),
          String(scenario.customerCount),
        ]),
      );
    });
  dunning
    .command('run')
    .description(help('dunningRun'))
    .option('--date <date>', help('dunningRunDate'), dateArgument(language))
    .option('--dry-run', help('dunningRunDryRun'))
    .option('--public-url <url>', help('dunningRunPublicUrl'), process.env['PUBLIC_URL'])
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZRunOptions, raw, language);
      // Loaded here: the run draws letters (pdfkit) and words messages (LiquidJS), which
      // every other command would carry in its small heap (import-memory.test.ts).
      const { runDunning } = await import('../../dunning/run.ts');
      const report = await withCompany(command.optsWithGlobals<GlobalOptions>(), ({ deps, ctx }) =>
        runDunning(deps, ctx, {
          ...(options.date === undefined ? {} : { date: options.date as CalendarDate }),
          dryRun: options.dryRun ?? false,
          ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
          ...(options.json === true || !process.stderr.isTTY
            ? {}
            : {
                onProgress: (done: number) =>
                  process.stderr.write(`\r${say('dunningRunProgress', { done })}`),
              }),
        }),
      );
      if (options.json) {
        printJson(report);
        return;
      }
      printRunReport(report, language);
    });
  dunning
    .command('templates')
    .description(help('dunningTemplates'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZListOptions, raw, language);
      const templates = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        ({ deps, ctx }) => listTemplates(deps, ctx),
      );
      if (options.json) {
        printJson({ items: templates });
        return;
      }
      printTable(
        [say('columnTemplate'), say('columnLanguage'), say('columnSubject')],
        templates.map((template) => [template.templateId, template.language, template.subject]),
      );
    });
}
