import type { Command } from 'commander';
import { z } from 'zod';
import type { MatchRunReport } from '../../bank/matching/line-match.ts';
import { runMatcher, setAutoApplyThreshold } from '../../bank/matching/service.ts';
import type { Language } from '../../shared/language.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { outputWords, printJson } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

const ZThreshold = z.coerce.number().int().min(1).max(100);

const ZMatchOptions = z.object({
  threshold: ZThreshold.optional(),
  setThreshold: ZThreshold.optional(),
  json: z.boolean().optional(),
});

/** `encaisse match`: the matcher over the queue again, or the company's threshold set. */
export function registerMatchCommand(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  program
    .command('match')
    .description(help('match'))
    .option('--threshold <n>', help('matchThreshold'))
    .option('--set-threshold <n>', help('matchSetThreshold'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZMatchOptions, raw, language);
      const global = command.optsWithGlobals<GlobalOptions>();
      const { setThreshold } = options;
      if (setThreshold !== undefined) {
        await withCompany(global, ({ deps, ctx }) =>
          setAutoApplyThreshold(deps, ctx, setThreshold),
        );
        if (options.json) {
          printJson({ autoApplyThreshold: setThreshold });
        } else {
          console.log(say('matchThresholdSet', { threshold: setThreshold }));
        }
        return;
      }
      const report = await withCompany(global, ({ deps, ctx }) =>
        runMatcher(deps, ctx, { threshold: options.threshold }),
      );
      if (options.json) {
        printJson(report);
      } else {
        console.log(matchSummary(report, language));
      }
    });
}

/** The run's line, as `match` and `import bank` print it. */
export function matchSummary(report: MatchRunReport, language: Language): string {
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  return outputWords(language)('matchSummary', {
    lines: report.lines,
    applied: report.applied,
    queued: report.queued,
    setAside: report.outgoing + report.reversals,
    payerRate: percent.format(report.payerRate),
    invoiceRate: percent.format(report.invoiceRate),
    threshold: report.threshold,
  });
}
