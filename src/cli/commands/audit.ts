import type { Command } from 'commander';
import { z } from 'zod';
import { cliContext } from '../../app/context.ts';
import { brokenSeq, describeChainBreak, type AuditVerification } from '../../audit/model.ts';
import { verifyAuditTrail } from '../../audit/service.ts';
import { findCompanies, resolveCompany } from '../../companies/service.ts';
import { AuditTrailBrokenError, invalidField } from '../../shared/errors.ts';
import { operatingSystemUser } from '../operator.ts';
import { parseOptions } from '../options.ts';
import { printJson } from '../output.ts';
import { cliLanguage, withRuntime, type GlobalOptions } from '../runtime.ts';

const ZVerifyOptions = z.object({
  expect: z
    .string()
    .regex(/^[1-9]\d*:[0-9a-fA-F]{64}$/, 'is SEQ:HASH, as a verify printed it (e.g. 42:9f86d0…)')
    .transform((value) => {
      const [seq = '', hash = ''] = value.split(':');
      return { seq: Number(seq), hash: hash.toLowerCase() };
    })
    .optional(),
  json: z.boolean().optional(),
});

type CompanyVerification = { company: string } & AuditVerification;

/** The JSON shape of one company's verdict: the first broken event named by its seq. */
function present(result: CompanyVerification) {
  if (result.ok) {
    return result;
  }
  const { broken, ...rest } = result;
  return {
    ...rest,
    broken: { ...broken, seq: brokenSeq(broken), message: describeChainBreak(broken) },
  };
}

export function registerAuditCommands(program: Command): void {
  program
    .command('audit')
    .description('The audit trail: who did what, numbered and chained by hash per company')
    .command('verify')
    .description(
      "Recompute each company's hash chain (--company: one company) and name the first broken event",
    )
    .option(
      '--expect <seq:hash>',
      'a head printed by an earlier verify (with --company): that event must still have that hash',
    )
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const { expect, json } = parseOptions(
        ZVerifyOptions,
        raw,
        cliLanguage(command.optsWithGlobals<GlobalOptions>()),
      );
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
          printJson({ ok: broken.length === 0, companies: results.map(present) });
        } else {
          for (const result of results) {
            console.log(
              result.ok
                ? `${result.company}: OK, ${result.events} event${result.events === 1 ? '' : 's'}, head ${result.head === null ? '(none)' : `${result.head.seq} ${result.head.hash}`}`
                : `${result.company}: BROKEN at event ${brokenSeq(result.broken)}: ${describeChainBreak(result.broken)}`,
            );
          }
        }
        if (broken.length > 0) {
          throw new AuditTrailBrokenError(broken.map((result) => result.company));
        }
      });
    });
}
