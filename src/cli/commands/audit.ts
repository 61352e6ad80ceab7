import type { Command } from 'commander';
import { z } from 'zod';
import { cliContext } from '../../app/context.ts';
import { brokenSeq, describeChainBreak, type AuditVerification } from '../../audit/model.ts';
import { verifyAuditTrail } from '../../audit/service.ts';
import { findCompanies, resolveCompany } from '../../companies/service.ts';
import { AuditTrailBrokenError, invalidField } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { cliOutputWord, type MessageCode } from '../../shared/messages/catalogue.ts';
import { helpWords } from '../localized-command.ts';
import { operatingSystemUser } from '../operator.ts';
import { parseOptions } from '../options.ts';
import { printJson } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

// A catalogue code: parseOptions says it in the command's language.
const NOT_A_HEAD = 'audit_expect_not_a_head' satisfies MessageCode;

const ZVerifyOptions = z.object({
  expect: z
    .string()
    .regex(/^[1-9]\d*:[0-9a-fA-F]{64}$/, { error: NOT_A_HEAD })
    .transform((value) => {
      const [seq = '', hash = ''] = value.split(':');
      return { seq: Number(seq), hash: hash.toLowerCase() };
    })
    .optional(),
  json: z.boolean().optional(),
});

type CompanyVerification = { company: string } & AuditVerification;

/**
 * The JSON shape of one company's verdict: the first broken event named by its seq and
 * `kind`, for scripts, and said in the command's language (`message`), for people.
 */
function present(result: CompanyVerification, language: Language) {
  if (result.ok) {
    return result;
  }
  const { broken, ...rest } = result;
  return {
    ...rest,
    broken: { ...broken, seq: brokenSeq(broken), message: describeChainBreak(broken, language) },
  };
}

/** One company's verdict on one line; the head as `--expect` reads it back (`seq hash`). */
function describeVerdict(result: CompanyVerification, language: Language): string {
  if (!result.ok) {
    return cliOutputWord(language, 'auditBroken', {
      company: result.company,
      seq: brokenSeq(result.broken),
      reason: describeChainBreak(result.broken, language),
    });
  }
  return cliOutputWord(language, 'auditOk', {
    company: result.company,
    count: result.events,
    head:
      result.head === null
        ? cliOutputWord(language, 'auditNoHead')
        : `${result.head.seq} ${result.head.hash}`,
  });
}

export function registerAuditCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  program
    .command('audit')
    .description(help('audit'))
    .command('verify')
    .description(help('auditVerify'))
    .option('--expect <seq:hash>', help('auditExpect'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const { expect, json } = parseOptions(ZVerifyOptions, raw, language);
      const global = command.optsWithGlobals<GlobalOptions>();
      if (expect !== undefined && global.company === undefined) {
        throw invalidField('--expect', 'audit_expect_needs_company');
      }
      await withRuntime(global, async ({ deps }) => {
        const companies =
          global.company === undefined
            ? await findCompanies(deps)
            : [await resolveCompany(deps, global.company)];
        const operator = operatingSystemUser();
        const results: CompanyVerification[] = [];
        for (const company of companies) {
          const verdict = await verifyAuditTrail(deps, cliContext(company.id, operator), expect);
          results.push({ company: company.code, ...verdict });
        }
        const broken = results.filter((result) => !result.ok);
        if (json) {
          printJson({
            ok: broken.length === 0,
            companies: results.map((result) => present(result, language)),
          });
        } else {
          for (const result of results) {
            console.log(describeVerdict(result, language));
          }
        }
        if (broken.length > 0) {
          throw new AuditTrailBrokenError(broken.map((result) => result.company));
        }
      });
    });
}
