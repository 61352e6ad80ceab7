import type { Command } from 'commander';
import { z } from 'zod';
import { createCompany, findCompanies } from '../../companies/service.ts';
import { parseOptions } from '../options.ts';
import { printJson, printTable } from '../output.ts';
import { cliLanguage, withRuntime, type GlobalOptions } from '../runtime.ts';

const ZCompanyOptions = z.object({
  code: z.string(),
  name: z.string().min(1),
  siren: z.string().optional(),
  vat: z.string().optional(),
  currency: z.string().default('EUR'),
  timeZone: z.string().default('Europe/Paris'),
  json: z.boolean().optional(),
});

export function registerCompanyCommands(program: Command): void {
  const companies = program
    .command('companies')
    .description('Companies (tenants): each sees only its own data');
  companies
    .command('create')
    .description('Create a company')
    .requiredOption('--code <code>', 'short code used by --company, e.g. "acme"')
    .requiredOption('--name <name>', 'legal name')
    .option('--siren <siren>', 'SIREN (9 digits)')
    .option('--vat <number>', 'intra-EU VAT number')
    .option('--currency <code>', 'ISO 4217 currency', 'EUR')
    .option('--time-zone <zone>', 'IANA time zone of the business day', 'Europe/Paris')
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(
        ZCompanyOptions,
        raw,
        cliLanguage(command.optsWithGlobals<GlobalOptions>()),
      );
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
          console.log(
            `Company ${company.code} (${company.legalName}) created. Add an administrator with: encaisse --company ${company.code} users create --role admin …`,
          );
        }
      });
    });
  companies
    .command('list')
    .description('List companies')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ deps }) => {
        const list = await findCompanies(deps);
        if (options.json) {
          printJson({ items: list });
          return;
        }
        printTable(
          ['Code', 'Raison sociale', 'SIREN', 'Devise'],
          list.map((c) => [c.code, c.legalName, c.siren ?? '', c.currency]),
        );
      });
    });
}
