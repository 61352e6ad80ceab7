import { resolve } from 'node:path';
import { cliContext, type Ctx } from '../app/context.ts';
import { createDeps, type Deps } from '../app/deps.ts';
import { customerDirectory } from '../customers/directory.ts';
import type { Company } from '../companies/model.ts';
import { resolveCompany } from '../companies/service.ts';
import { isPostgresUrl, openDatabase, type DbHandle } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { fixedClock } from '../shared/clock.ts';
import { toLanguage, type Language } from '../shared/language.ts';
import { operatingSystemUser } from './operator.ts';

export type GlobalOptions = { db?: string; company?: string; lang?: string };

/**
 * The language the command speaks: `--lang`, else `ENCAISSE_LANG`, else French, the
 * product's first language (a shell's `LANG` is a system setting, often `C`, not a choice).
 */
export function cliLanguage(options: GlobalOptions): Language {
  return toLanguage(options.lang ?? process.env['ENCAISSE_LANG']);
}

/**
 * `--lang` as a command line gives it (`--lang en` or `--lang=en`; the last one counts, none
 * after `--`), read before commander parses the line so that its help and refusals speak
 * that language too.
 */
export function langOption(args: readonly string[]): Pick<GlobalOptions, 'lang'> {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  let lang: string | undefined;
  options.forEach((arg, at) => {
    if (arg === '--lang') {
      lang = options[at + 1];
    } else if (arg.startsWith('--lang=')) {
      lang = arg.slice('--lang='.length);
    }
  });
  return lang === undefined ? {} : { lang };
}

/** `--db`, else `DATABASE_URL`, else the embedded database in `./data`. */
export function databaseLocation(options: GlobalOptions): string {
  // An empty DATABASE_URL counts as unset.
  const location = options.db ?? (process.env['DATABASE_URL'] || './data');
  return isPostgresUrl(location) || location.startsWith('memory://') ? location : resolve(location);
}

export type Runtime = { handle: DbHandle; deps: Deps };

/** The instant `ENCAISSE_NOW` fixes (an ISO instant, for reproducible runs and tests), if set. */
export function fixedNow(): Date | undefined {
  const now = process.env['ENCAISSE_NOW'];
  return now ? new Date(now) : undefined;
}

/**
 * Opens the database (bringing its schema up to date) for one command and
 * closes it afterwards, whatever happens. `ENCAISSE_NOW` fixes the clock (an
 * ISO instant) for reproducible runs and tests.
 */
export async function withRuntime<T>(
  options: GlobalOptions,
  run: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const handle = await openDatabase(databaseLocation(options));
  try {
    await migrate(handle);
    const now = fixedNow();
    const deps = createDeps(handle.db, {
      customers: customerDirectory,
      ...(now ? { clock: fixedClock(now) } : {}),
    });
    return await run({ handle, deps });
  } finally {
    await handle.close();
  }
}

/** Like `withRuntime`, for commands that act inside one company (`--company` or the only one). */
export async function withCompany<T>(
  options: GlobalOptions,
  run: (runtime: Runtime & { company: Company; ctx: Ctx }) => Promise<T>,
): Promise<T> {
  return withRuntime(options, async (runtime) => {
    const company = await resolveCompany(runtime.deps, options.company);
    return run({ ...runtime, company, ctx: cliContext(company.id, operatingSystemUser()) });
  });
}
