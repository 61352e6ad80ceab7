import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { findCompanies } from '../../companies/service.ts';
import { exportDemo } from '../../demo/export-demo.ts';
import { DEMO_SIZES, type DemoSize } from '../../demo/generate.ts';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_COMPANY_CODE,
  DEMO_TIME_ZONE,
  loadDemo,
  type DemoProgress,
} from '../../demo/load-demo.ts';
import type { ExportFormat } from '../../exports/table-writer.ts';
import { formatDate, todayIn } from '../../shared/calendar-date.ts';
import type { Language } from '../../shared/language.ts';
import { vocabularyWord } from '../../shared/messages/catalogue.ts';
import { cliContext } from '../../app/context.ts';
import { importDemoStatement } from '../../demo/demo-statement.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { operatingSystemUser } from '../operator.ts';
import { outputWords, printJson } from '../output.ts';
import { cliLanguage, fixedNow, withRuntime, type GlobalOptions } from '../runtime.ts';
import { matchSummary } from './match.ts';

const ZDemoOptions = z
  .object({
    size: z.enum(['S', 'M', 'L']).default('S'),
    seed: z.coerce.number().int().min(0).default(1),
    ifEmpty: z.boolean().optional(),
    json: z.boolean().optional(),
    exportCsv: z.string().min(1).optional(),
    exportXlsx: z.string().min(1).optional(),
  })
  .refine((options) => options.exportCsv === undefined || options.exportXlsx === undefined, {
    path: ['exportXlsx'],
    message: 'cannot be combined with --export-csv: export one format at a time',
    params: { code: 'demo_export_one_format' },
  })
  .refine(
    (options) =>
      options.ifEmpty !== true ||
      (options.exportCsv === undefined && options.exportXlsx === undefined),
    {
      path: ['ifEmpty'],
      message: 'applies to loading a database, not to an export (which touches no database)',
      params: { code: 'demo_if_empty_not_for_export' },
    },
  );

type DemoExportRequest = {
  dir: string;
  format: ExportFormat;
  size: DemoSize;
  seed: number;
  json: boolean;
  language: Language;
};

/** `--export-csv DIR` / `--export-xlsx DIR`: the canonical import files, no database opened. */
async function exportDemoFiles(request: DemoExportRequest): Promise<void> {
  const started = Date.now();
  const today = todayIn(DEMO_TIME_ZONE, fixedNow() ?? new Date());
  const totalCustomers = DEMO_SIZES[request.size].customers;
  const progress = request.json ? undefined : printDemoProgress('', request.language);
  const result = await exportDemo({
    size: request.size,
    seed: request.seed,
    today,
    dir: request.dir,
    format: request.format,
    onBatch: (written) => progress?.({ phase: 'rows', ...written, totalCustomers }),
  });
  if (request.json) {
    printJson({
      dir: request.dir,
      format: request.format,
      size: request.size,
      seed: request.seed,
      today,
      counts: result.counts,
      files: result.files.map((file) => ({ kind: file.kind, path: file.path, rows: file.rows })),
    });
    return;
  }
  const say = outputWords(request.language);
  process.stderr.write('\n');
  console.log(
    say('demoExported', {
      size: request.size,
      seed: request.seed,
      today: formatDate(today, request.language),
      dir: request.dir,
      seconds: (Date.now() - started) / 1000,
    }),
  );
  for (const file of result.files) {
    console.log(`  ${basename(file.path).padEnd(15)} ${say('fileLines', { count: file.rows })}`);
  }
  const documents = say('documents', { count: result.counts.invoices });
  const payments = say('payments', { count: result.counts.payments });
  console.log(`  ${say('demoExportedCounts', { documents, payments })}`);
  console.log(say('demoImportOrder'));
}

/**
 * A progress line on stderr, rewritten at most twice a second, at each change of phase and
 * at the end. The benchmarks give no `language`: they speak as the CLI does without `--lang`.
 */
export function printDemoProgress(
  label: string,
  language: Language = cliLanguage({}),
): DemoProgress {
  const say = outputWords(language);
  let lastPrinted = 0;
  let lastPhase = '';
  return (progress) => {
    const now = performance.now();
    const last = progress.customers === progress.totalCustomers;
    if (now - lastPrinted < 500 && progress.phase === lastPhase && !last) {
      return;
    }
    lastPrinted = now;
    lastPhase = progress.phase;
    const rows = say('demoProgress', {
      done: progress.customers,
      count: progress.totalCustomers,
      invoices: say('invoices', { count: progress.invoices }),
    });
    const doing =
      progress.phase === 'rows'
        ? '…'
        : progress.phase === 'indexes'
          ? say('demoProgressIndexes')
          : say('demoProgressDunning', { day: progress.day ?? 0, days: progress.days ?? 0 });
    process.stderr.write(`\r  ${label}${rows}${doing}`);
  };
}

export function registerDemoCommand(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  program
    .command('demo')
    .description(help('demo'))
    .option('--size <size>', help('demoSize'), 'S')
    .option('--seed <n>', help('demoSeed'), '1')
    .option('--if-empty', help('demoIfEmpty'))
    .option('--export-csv <dir>', help('demoExportCsv'))
    .option('--export-xlsx <dir>', help('demoExportXlsx'))
    .option('--json', help('jsonResult'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZDemoOptions, raw, language);
      const exportDir = options.exportCsv ?? options.exportXlsx;
      if (exportDir !== undefined) {
        await exportDemoFiles({
          dir: exportDir,
          format: options.exportCsv === undefined ? 'xlsx' : 'csv',
          size: options.size,
          seed: options.seed,
          json: options.json ?? false,
          language,
        });
        return;
      }
      await withRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ handle, deps }) => {
        const companies = options.ifEmpty ? await findCompanies(deps) : [];
        if (companies.length > 0) {
          if (!options.json) {
            console.log(say('demoNotAdded'));
            // The password was printed once, when the demo was made: say how to get in again.
            console.log(
              companies.some((company) => company.code === DEMO_COMPANY_CODE)
                ? say('demoSignInAgain', { email: DEMO_ADMIN_EMAIL, company: DEMO_COMPANY_CODE })
                : say('demoSetPassword'),
            );
          }
          return;
        }
        const started = Date.now();
        const result = await loadDemo(handle, deps, {
          size: options.size,
          seed: options.seed,
          operator: operatingSystemUser(),
          onProgress: options.json ? undefined : printDemoProgress('', language),
          dunning: true,
        });
        const matching = await importDemoStatement(
          deps,
          cliContext(result.company.id, operatingSystemUser()),
          options.seed,
        );
        if (options.json) {
          printJson({
            company: result.company.code,
            users: result.users,
            password: result.password,
            counts: result.counts,
            dunning: result.dunning,
            matching,
          });
          return;
        }
        process.stderr.write('\n');
        const { counts } = result;
        console.log(
          say('demoCreated', {
            name: result.company.legalName,
            code: result.company.code,
            seconds: (Date.now() - started) / 1000,
          }),
        );
        const loaded = [
          say('customers', { count: counts.customers }),
          say('documents', { count: counts.invoices }),
          say('payments', { count: counts.payments }),
          say('allocations', { count: counts.allocations }),
        ];
        console.log(`  ${loaded.join(', ')}.`);
        if (result.dunning !== null) {
          console.log(say('demoDunning', { count: result.dunning.runs, ...result.dunning }));
        }
        if (matching !== null) {
          console.log(matchSummary(matching, language));
        }
        console.log(say('demoSignIn'));
        for (const user of result.users) {
          console.log(`  ${user.email.padEnd(36)} ${vocabularyWord(language, 'role', user.role)}`);
        }
        console.log(`  ${say('demoPassword', { password: result.password })}`);
        console.log(say('demoChangePassword', { email: result.users[0]?.email ?? '' }));
      });
    });
}
