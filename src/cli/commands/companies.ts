import type { Command } from 'commander';
import { z } from 'zod';
import { createCompany, findCompanies } from '../../companies/service.ts';
import type { Language } from '../../shared/language.ts';
import { cliWord } from '../../shared/messages/catalogue.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { outputWords, printJson, printTable } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

const ZCompanyOptions = z.object({
  code: z.string(),
  name: z.string().min(1),
  siren: z.string().optional(),
  vat: z.string().optional(),
  currency: z.string().default('EUR'),
  timeZone: z.string().default('Europe/Paris'),
  json: z.boolean().optional(),
});

export function registerCompanyCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  const companies = program.command('companies').description(help('companies'));
  companies
    .command('create')
    .description(help('companiesCreate'))
    .requiredOption('--code <code>', help('companyCode'))
    .requiredOption('--name <name>', help('companyName'))
    .option('--siren <siren>', help('companySiren'))
    .option('--vat <number>', help('companyVat'))
    .option('--currency <code>', help('companyCurrency'), 'EUR')
    .option('--time-zone <zone>', help('companyTimeZone'), 'Europe/Paris')
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZCompanyOptions, raw, language);
      await withRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ deps }) => {
        const company = await createCompany(deps, {
          code: options.code,
          legalName: options.name,
          siren: options.siren?.replace(/\s/g, '') ?? null,
          vatNumber: options.vat?.replace(/\s/g, '').toUpperCase() ?? null,
          addressLine1: null,
          addressLine2: null,
          postalCode: null,
          city: null,
          country: 'FR',
          currency: options.currency.toUpperCase(),
          timeZone: options.timeZone,
        });
        if (options.json) {
          printJson(company);
        } else {
          console.log(say('companyCreated', { code: company.code, name: company.legalName }));
        }
      });
    });
  companies
    .command('list')
    .description(help('companiesList'))
    .option('--json', help('json'))
    .action(async (options: { json?: boolean }, command: Command) => {
      await withRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ deps }) => {
        const list = await findCompanies(deps);
        if (options.json) {
          printJson({ items: list });
          return;
        }
        printTable(
          [
            cliWord(language, 'columnCode'),
            cliWord(language, 'columnLegalName'),
            say('columnSiren'),
            say('columnCurrency'),
          ],
          list.map((c) => [c.code, c.legalName, c.siren ?? '', c.currency]),
        );
      });
    });
}
