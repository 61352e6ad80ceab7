/**
 * `encaisse portal link --customer CODE [--days N] [--json]`: a new portal link of the
 * customer, its URL printed (`<public URL>/portail#<token>`, shown this once);
 * `--revoke` revokes every portal link of the customer instead and prints how many
 * (docs/portal.md). The public URL: `--public-url`, else `PUBLIC_URL`, else what
 * `encaisse serve` listens on by default.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { DEFAULT_PUBLIC_URL } from '../../access/urls.ts';
import { findCustomerIdsByCodes } from '../../customers/service.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { normalizeCustomerCode } from '../../shared/identifiers.ts';
import type { Language } from '../../shared/language.ts';
import { messageOf } from '../../shared/messages/catalogue.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { printJson } from '../output.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

const ZLinkOptions = z.object({
  customer: z.string().trim().min(1),
  days: z.coerce.number().int().min(1).max(365).default(90),
  revoke: z.boolean().optional(),
  publicUrl: z.url().optional(),
  json: z.boolean().optional(),
});

export function registerPortalCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = (code: Parameters<typeof messageOf>[1], params = {}) =>
    messageOf(language, code, params);
  program
    .command('portal')
    .description(say('portal_cli_description'))
    .command('link')
    .description(say('portal_cli_link'))
    .requiredOption('--customer <code>', say('portal_cli_customer'))
    .option('--days <n>', say('portal_cli_days'))
    .option('--revoke', say('portal_cli_revoke'))
    .option('--public-url <url>', say('portal_cli_base_url'), process.env['PUBLIC_URL'])
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZLinkOptions, raw, language);
      const outcome = await withCompany(
        command.optsWithGlobals<GlobalOptions>(),
        async ({ deps, ctx }) => {
          // Loaded here: the CLI's other commands run in a small heap (import-memory.test.ts).
          const { createPortalLink, revokePortalLinks } =
            await import('../../portal/portal-links.ts');
          const code = normalizeCustomerCode(options.customer);
          const customerId = (await findCustomerIdsByCodes(deps.db, ctx, [code])).get(code)?.id;
          if (customerId === undefined) {
            throw new NotFoundError('customer', options.customer);
          }
          if (options.revoke === true) {
            return { revoked: await revokePortalLinks(deps, ctx, customerId) };
          }
          const made = await createPortalLink(deps, ctx, {
            customerId,
            days: options.days,
            publicUrl: options.publicUrl ?? DEFAULT_PUBLIC_URL,
          });
          return {
            code,
            link: {
              id: made.link.id,
              createdAt: made.link.createdAt.toISOString(),
              expiresAt: made.link.expiresAt.toISOString(),
            },
            url: made.url,
          };
        },
      );
      if (options.json) {
        printJson(
          'revoked' in outcome
            ? { revoked: outcome.revoked }
            : { link: outcome.link, url: outcome.url },
        );
        return;
      }
      if ('revoked' in outcome) {
        console.log(say('portal_cli_revoked', { count: outcome.revoked }));
        return;
      }
      console.log(outcome.url);
      console.error(
        say('portal_cli_expires', { code: outcome.code, date: outcome.link.expiresAt }),
      );
    });
}
