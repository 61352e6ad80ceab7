import type { Command } from 'commander';
import { z } from 'zod';
import { listScenarios, listTemplates } from '../../dunning/service.ts';
import type { Language } from '../../shared/language.ts';
import { vocabularyWord } from '../../shared/messages/catalogue.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { numberColumn, outputWords, printJson, printTable } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

const ZListOptions = z.object({ json: z.boolean().optional() });

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
