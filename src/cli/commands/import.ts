import { basename } from 'node:path';
import type { Command } from 'commander';
import { importFile, type ImportReport } from '../../imports/service.ts';
import { parseMappingOption, type ImportKind } from '../../imports/table/column-mapping.ts';
import { isTextEncodingName, type TextEncodingName } from '../../imports/decode-text.ts';
import { MAX_IMPORT_FILE_BYTES } from '../../imports/table/limits.ts';
import { fileTooLargeParams } from '../../imports/table/read-table.ts';
import { InvalidError, invalidField, issueMessage } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import {
  importReportWord,
  labelled,
  type ImportReportWord,
  type MessageParams,
} from '../../shared/messages/catalogue.ts';
import { helpWords } from '../localized-command.ts';
import { printJson } from '../output.ts';
import { readInputFile } from '../read-input.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

type ImportFlags = {
  dryRun?: boolean;
  json?: boolean;
  partial?: boolean;
  encoding?: string;
  map?: string;
};

/** Exit codes of an import: 0 all saved, 2 refused (nothing saved), 3 saved except the rejected lines. */
export function importExitCode(report: ImportReport): number {
  if (report.errors.length === 0) {
    return 0;
  }
  return report.committed ? 3 : 2;
}

function printReport(report: ImportReport, language: Language): void {
  const say = (key: ImportReportWord, params?: MessageParams) =>
    importReportWord(language, key, params);
  const verdict = say(report.committed ? 'saved' : report.dryRun ? 'dryRun' : 'refused');
  // Counts of an import that saved nothing say what it would have done; a file
  // refused as a whole (its encoding, a missing column) has none to give.
  const counts = say('counts', {
    created: say('created', { count: report.created }),
    updated: say('updated', { count: report.updated }),
    unchanged: say('unchanged', { count: report.unchanged }),
    rejected: say('rejected', { count: report.rejected }),
  });
  const isFileRefused = !report.committed && report.rows === 0 && report.errors.length > 0;
  console.log(
    isFileRefused
      ? say('fileRefused', { file: report.file, verdict })
      : say('summary', {
          file: report.file,
          count: report.rows,
          counts: report.committed ? counts : say('wouldBe', { counts }),
          verdict,
        }),
  );
  for (const issue of report.errors) {
    // Parse messages may already name their column ("siren: …"); service messages may not.
    const where = issue.line === undefined ? say('file') : say('line', { line: issue.line });
    const text = issueMessage(language, issue);
    const message = isNamedBy(text, issue.field) ? text : labelled(language, issue.field, text);
    console.error(say('issue', { where, message }));
  }
  for (const notice of report.notices) {
    console.log(say('note', { message: issueMessage(language, notice) }));
  }
  if (!report.committed && !report.dryRun && report.rejected > 0) {
    console.error(say('fixLines'));
  }
}

/** Whether a message starts by naming `field` (`siren: …`, or `siren : …` in French). */
function isNamedBy(message: string, field: string): boolean {
  return message.startsWith(`${field}:`) || message.startsWith(`${field} :`);
}

export function registerImportCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const importCommand = program.command('import').description(help('import'));
  for (const kind of [
    'customers',
    'invoices',
    'payments',
  ] as const satisfies readonly ImportKind[]) {
    importCommand
      .command(kind)
      .description(help(`import_${kind}`))
      .argument('<file>', help('importFile'))
      .option('--dry-run', help('importDryRun'))
      .option('--partial', help('importPartial'))
      .option('--encoding <name>', help('importEncoding'))
      .option('--map <mapping>', help('importMap'))
      .option('--json', help('importJson'))
      .action(async (file: string, flags: ImportFlags, command: Command) => {
        if (flags.encoding !== undefined && !isTextEncodingName(flags.encoding)) {
          throw invalidField('encoding', 'unknown_encoding', { encoding: flags.encoding });
        }
        const mapping = flags.map === undefined ? undefined : parseMappingOption(flags.map);
        if (mapping !== undefined && !mapping.ok) {
          throw new InvalidError('mapping_invalid', {}, mapping.issues);
        }
        const bytes = await readInputFile(file, MAX_IMPORT_FILE_BYTES, fileTooLargeParams);
        const report = await withCompany(
          command.optsWithGlobals<GlobalOptions>(),
          ({ deps, ctx }) =>
            importFile(deps, ctx, {
              kind,
              bytes,
              fileName: basename(file),
              dryRun: flags.dryRun ?? false,
              partial: flags.partial ?? false,
              encoding: flags.encoding as TextEncodingName | undefined,
              mapping: mapping?.mapping,
            }),
        );
        if (flags.json) {
          printJson(report);
        } else {
          printReport(report, language);
        }
        process.exitCode = importExitCode(report);
      });
  }
}
