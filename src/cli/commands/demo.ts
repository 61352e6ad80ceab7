import type { Command } from 'commander';
import { z } from 'zod';
import { findCompanies } from '../../companies/service.ts';
import { loadDemo, type DemoProgress } from '../../demo/load-demo.ts';
import { parseOptions } from '../options.ts';
import { operatingSystemUser } from '../operator.ts';
import { printJson } from '../output.ts';
import { withRuntime, type GlobalOptions } from '../runtime.ts';

const ZDemoOptions = z.object({
  size: z.enum(['S', 'M', 'L']).default('S'),
  seed: z.coerce.number().int().min(0).default(1),
  ifEmpty: z.boolean().optional(),
  json: z.boolean().optional(),
});

/** A progress line on stderr, rewritten at most twice a second, at each change of phase and at the end. */
export function printDemoProgress(label: string): DemoProgress {
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
    const rows = `${progress.customers}/${progress.totalCustomers} customers, ${progress.invoices} invoices`;
    const doing = progress.phase === 'rows' ? '…' : '; building indexes and checking references…';
    process.stderr.write(`\r  ${label}${rows}${doing}`);
  };
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Create a demo company with a believable French ledger ending today')
    .option('--size <size>', 'S (~300 customers), M (~10,000) or L (100,000)', 'S')
    .option('--seed <n>', 'random seed: the same seed gives the same data', '1')
    .option('--if-empty', 'do nothing when the database already holds a company')
    .option('--json', 'print the result as JSON')
    .action(async (raw: unknown, command: Command) => {
      const options = parseOptions(ZDemoOptions, raw);
      await withRuntime(command.optsWithGlobals<GlobalOptions>(), async ({ handle, deps }) => {
        if (options.ifEmpty && (await findCompanies(deps)).length > 0) {
          if (!options.json) {
            console.log('The database already holds a company: demo data not added.');
          }
          return;
        }
        const started = Date.now();
        const result = await loadDemo(handle, deps, {
          size: options.size,
          seed: options.seed,
          operator: operatingSystemUser(),
          onProgress: options.json ? undefined : printDemoProgress(''),
        });
        if (options.json) {
          printJson({
            company: result.company.code,
            users: result.users,
            password: result.password,
            counts: result.counts,
          });
          return;
        }
        process.stderr.write('\n');
        console.log(
          `Demo company "${result.company.legalName}" (code ${result.company.code}) created in ${((Date.now() - started) / 1000).toFixed(1)} s:`,
        );
        console.log(
          `  ${result.counts.customers} customers, ${result.counts.invoices} invoices and credit notes, ${result.counts.payments} payments, ${result.counts.allocations} allocations.`,
        );
        console.log('Sign in with one of these users (the password is shown only now):');
        for (const user of result.users) {
          console.log(`  ${user.email.padEnd(36)} ${user.role}`);
        }
        console.log(`  password: ${result.password}`);
        console.log(`Change it with: encaisse users set-password ${result.users[0]?.email ?? ''}`);
      });
    });
}
