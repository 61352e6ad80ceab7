import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { StatementFormat } from '../../bank/model.ts';
import {
  createBankAccount,
  importBankFile,
  listBankAccounts,
  type BankImportReport,
  type BankStatementReport,
} from '../../bank/service.ts';
import { MAX_IMPORT_FILE_BYTES } from '../../imports/table/limits.ts';
import { fileTooLargeParams } from '../../imports/table/read-table.ts';
import { formatDate } from '../../shared/calendar-date.ts';
import { issueMessage, type Issue } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import {
  importReportWord,
  type ImportReportWord,
  type MessageParams,
} from '../../shared/messages/catalogue.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { outputWords, printJson, printTable } from '../output.ts';
import { readInputFile } from '../read-input.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';
import { matchSummary } from './match.ts';

const ZAddOptions = z.object({
  iban: z.string(),
  name: z.string().trim().min(1),
  currency: z.string().default('EUR'),
  json: z.boolean().optional(),
});

const ZListOptions = z.object({ json: z.boolean().optional() });

const ZImportOptions = z.object({
  addAccount: z.boolean().optional(),
  dryRun: z.boolean().optional(),
  json: z.boolean().optional(),
});

/** The formats as banks and their documentation name them, in every language. */
const FORMAT_NAMES: Readonly<Record<StatementFormat, string>> = {
  camt053: 'camt.053',
  camt054: 'camt.054',
  cfonb120: 'CFONB 120',
};

/**
 * `encaisse bank-accounts add|list`, and `encaisse import bank` beside the other imports
 * (`registerImportCommands` must have made `import` first).
 */
export function registerBankCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  const accounts = program.command('bank-accounts').description(help('bankAccounts'));
  accounts
    .command('add')
    .description(help('bankAccountsAdd'))
    .requiredOption('--iban <iban>', help('bankAccountIban'))
    .requiredOption('--name <name>', help('bankAccountName'))
    .option('--currency <code>', help('bankAccountCurrency'), 'EUR')
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZAddOptions, raw, language);
      const account = await withCompany(command.optsWithGlobals<GlobalOptions>(), ({ deps, ctx }) =>
        createBankAccount(deps, ctx, options),
      );
      if (options.json) {
        printJson(account);
      } else {
        console.log(
          say('bankAccountAdded', {
            name: account.name,
            account: account.iban ?? '',
            currency: account.currency,
          }),
        );
      }
    });
  accounts
    .command('list')
    .description(help('bankAccountsList'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZListOptions, raw, language);
      const list = await withCompany(command.optsWithGlobals<GlobalOptions>(), ({ deps, ctx }) =>
        listBankAccounts(deps, ctx),
      );
      if (options.json) {
        printJson({ items: list });
        return;
      }
      printTable(
        [say('columnName'), say('columnAccount'), say('columnRib'), say('columnCurrency')],
        list.map((account) => [
          account.name,
          account.iban ?? '',
          account.rib === null
            ? ''
            : `${account.rib.bankCode} ${account.rib.branchCode} ${account.rib.accountNumber}`,
          account.currency,
        ]),
      );
    });

  const importCommand = program.commands.find((command) => command.name() === 'import');
  if (importCommand === undefined) {
    throw new Error('registerImportCommands must run before registerBankCommands');
  }
  importCommand
    .command('bank')
    .description(help('import_bank'))
    .argument('<file>', help('importBankFile'))
    .option('--add-account', help('importBankAddAccount'))
    .option('--dry-run', help('importDryRun'))
    .option('--json', help('importJson'))
    .action(async (file: string, raw: unknown, command: Command) => {
      const options = parseOptions(ZImportOptions, raw, language);
      const bytes = await readInputFile(file, MAX_IMPORT_FILE_BYTES, fileTooLargeParams);
      const report = await withCompany(command.optsWithGlobals<GlobalOptions>(), ({ deps, ctx }) =>
        importBankFile(deps, ctx, {
          bytes,
          fileName: basename(file),
          addAccount: options.addAccount ?? false,
          dryRun: options.dryRun ?? false,
        }),
      );
      if (options.json) {
        printJson(report);
      } else {
        printBankReport(report, language);
      }
      // As the other imports: 2 when the file is refused (nothing is saved).
      process.exitCode = report.errors.length > 0 ? 2 : 0;
    });
}

function printBankReport(report: BankImportReport, language: Language): void {
  const say = outputWords(language);
  const word = (key: ImportReportWord, params?: MessageParams) =>
    importReportWord(language, key, params);
  const verdict = word(report.committed ? 'saved' : report.dryRun ? 'dryRun' : 'refused');
  const { totals } = report;
  console.log(
    report.errors.length > 0 || report.format === null
      ? word('fileRefused', { file: report.file, verdict })
      : say('bankImportSummary', {
          file: report.file,
          format: FORMAT_NAMES[report.format],
          statements: say('bankStatements', { count: totals.statements }),
          lines: say('fileLines', { count: totals.lines }),
          linesNew: say('bankLinesNew', { count: totals.linesNew }),
          linesKnown: say('bankLinesKnown', { count: totals.linesKnown }),
          verdict,
        }),
  );
  for (const account of report.accountsAdded) {
    console.log(
      say('bankAccountRegistered', { account: account.iban ?? '', currency: account.currency }),
    );
  }
  // A file with nothing new gave the matcher nothing to read: no line to say so.
  if (report.matching !== null && report.matching.lines > 0) {
    console.log(matchSummary(report.matching, language));
  }
  for (const statement of report.statements) {
    const unbalanced = unbalancedParams(statement, language);
    if (unbalanced !== undefined) {
      console.log(say('bankUnbalanced', unbalanced));
    }
  }
  for (const issue of report.errors) {
    console.error(
      word('issue', { where: whereOf(issue, language), message: issueMessage(language, issue) }),
    );
  }
  for (const notice of report.notices) {
    console.log(word('note', { message: issueMessage(language, notice) }));
  }
}

/** A statement's issue says its line (CFONB, camt readers) or its XML path (camt statements). */
function whereOf(issue: Issue, language: Language): string {
  if (issue.line !== undefined) {
    return importReportWord(language, 'line', { line: issue.line });
  }
  return issue.field === 'file' ? importReportWord(language, 'file') : issue.field;
}

function unbalancedParams(
  statement: BankStatementReport,
  language: Language,
): MessageParams | undefined {
  const { opening, closing, differenceCents } = statement;
  if (statement.balanced !== false || opening === null || closing === null) {
    return undefined;
  }
  return {
    statement: statement.statementId ?? statement.position,
    account: statement.account,
    currency: statement.currency,
    opening: opening.amountCents,
    openingDate: formatDate(opening.date, language),
    movements: statement.movementsCents,
    closing: closing.amountCents,
    closingDate: formatDate(closing.date, language),
    difference: differenceCents ?? 0,
  };
}
