/**
 * `encaisse credit screen` and `encaisse credit import-scores` (issue 12, docs/screening.md
 * « Running a screen »): a customer's solvency screen, on the same use case as `POST
 * /api/customers/{id}/screening`, and a bureau's score file, as `POST
 * /api/credit/risk-scores`. The sources asked with `--lookup` are those the environment
 * configures (`SIRENE_BASE_URL`, `SIRENE_API_KEY`, `BODACC_BASE_URL`, `SCORE_API_URL`…).
 *
 * Exit codes of `screen`: **0 go, 10 go with deposit, 11 no-go** (an answer, not an error:
 * a script ships, asks for a deposit, or refuses), the usual ones otherwise (2 bad input,
 * 4 unknown customer). `import-scores`: 0 imported (or a clean dry run), 2 refused.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Verdict } from '../../credit/screening/model.ts';
import { SCORE_SCALES } from '../../credit/screening/score.ts';
import { listEntityAccounts } from '../../customers/credit-accounts.ts';
import { MAX_IMPORT_FILE_BYTES } from '../../imports/table/limits.ts';
import { fileTooLargeParams } from '../../imports/table/read-table.ts';
import { issueMessage, NotFoundError } from '../../shared/errors.ts';
import { normalizeCustomerCode } from '../../shared/identifiers.ts';
import type { Language } from '../../shared/language.ts';
import { findMessage, type CliOutputWord } from '../../shared/messages/catalogue.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { outputWords, printJson } from '../output.ts';
import { readInputFile } from '../read-input.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

/** The exit code of each verdict: a go is a success, the others answers a script tells apart. */
export const SCREENING_EXIT_CODES: Readonly<Record<Verdict, number>> = {
  go: 0,
  go_with_deposit: 11,
  no_go: 12,
};

const VERDICT_WORDS = {
  go: 'screeningGo',
  go_with_deposit: 'screeningGoWithDeposit',
  no_go: 'screeningNoGo',
} as const satisfies Record<Verdict, CliOutputWord>;

const ZScreenOptions = z
  .object({
    customer: z.string().trim().min(1),
    score: z.string().trim().min(1).max(20).optional(),
    scale: z.enum(SCORE_SCALES).optional(),
    source: z.string().trim().min(1).max(100).optional(),
    lookup: z.boolean().optional(),
    bodaccChecked: z.boolean().optional(),
    json: z.boolean().optional(),
  })
  // A scale or a source says something only of a score.
  .refine((options) => options.score !== undefined || options.scale === undefined, {
    path: ['score'],
    message: '--scale needs --score',
  })
  .refine((options) => options.score !== undefined || options.source === undefined, {
    path: ['score'],
    message: '--source needs --score',
  });

const ZImportScoresOptions = z.object({
  dryRun: z.boolean().optional(),
  json: z.boolean().optional(),
});

/** A deposit in basis points as the reader writes a percentage (3000 → « 30 % », "30%"). */
function percentOf(bps: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 2 }).format(
    bps / 10_000,
  );
}

/** `encaisse credit screen` and `credit import-scores`, registered on `credit` in `language`. */
export function registerCreditScreenCommands(credit: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  credit
    .command('screen')
    .description(help('creditScreen'))
    .requiredOption('--customer <code>', help('creditCustomer'))
    .option('--score <value>', help('creditScreenScore'))
    .option('--scale <scale>', help('creditScreenScale'))
    .option('--source <name>', help('creditScreenSource'))
    .option('--lookup', help('creditScreenLookup'))
    .option('--bodacc-checked', help('creditScreenBodaccChecked'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZScreenOptions, raw, language);
      const { screenCustomer } = await import('../../credit/screening-service.ts');
      const { screeningSourcesFromEnv } = await import('../../credit/screening-sources.ts');
      // Built once, before the database opens: a wrong setting is said before anything runs.
      const sources = screeningSourcesFromEnv(process.env);
      const code = normalizeCustomerCode(options.customer);
      const screen = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx }) => {
          const [account] = await listEntityAccounts(deps.db, ctx, { code });
          if (account === undefined) {
            throw new NotFoundError('customer', code);
          }
          return screenCustomer(
            deps,
            ctx,
            account.id,
            {
              score:
                options.score === undefined
                  ? undefined
                  : {
                      raw: options.score,
                      scale: options.scale ?? '0-100',
                      source: options.source ?? 'manual',
                    },
              lookup: options.lookup ?? false,
              isProceedingsChecked: options.bodaccChecked ?? false,
            },
            sources,
          );
        },
      );
      process.exitCode = SCREENING_EXIT_CODES[screen.verdict];
      if (options.json) {
        printJson(screen);
        return;
      }
      const lines = [
        say(VERDICT_WORDS[screen.verdict], {
          customer: code,
          siren: screen.siren,
          deposit: screen.depositBps === null ? '' : percentOf(screen.depositBps, language),
        }),
        ...screen.reasons.map(
          (reason) => `  - ${findMessage(language, reason.code, reason.params) ?? reason.code}`,
        ),
        ...screen.notices.map((notice) => `  ! ${issueMessage(language, notice)}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
  credit
    .command('import-scores')
    .description(help('creditImportScores'))
    .argument('<file>', help('creditImportScoresFile'))
    .option('--dry-run', help('importDryRun'))
    .option('--json', help('importJson'))
    .action(async (file: string, raw: unknown, command: Command) => {
      const options = parseOptions(ZImportScoresOptions, raw, language);
      const { importRiskScores } = await import('../../credit/screening-service.ts');
      const bytes = await readInputFile(file, MAX_IMPORT_FILE_BYTES, fileTooLargeParams);
      const fileName = basename(file);
      const report = await withCompany(command.optsWithGlobals<GlobalOptions>(), ({ deps, ctx }) =>
        importRiskScores(deps, ctx, bytes, fileName, { dryRun: options.dryRun }),
      );
      // A refused file throws (exit 2, its issues said); a dry run's errors exit 2 too.
      process.exitCode = report.errors.length === 0 ? 0 : 2;
      if (options.json) {
        printJson(report);
        return;
      }
      const counts = {
        file: report.file,
        rows: report.rows,
        inserted: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
      };
      const lines = [
        say(report.dryRun ? 'riskScoresDryRun' : 'riskScoresImported', counts),
        ...report.errors.map((error) =>
          say('riskScoresLineError', {
            line: error.line ?? '',
            message: issueMessage(language, error),
          }),
        ),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
