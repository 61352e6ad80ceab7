import type { Command } from 'commander';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens.ts';
import { DEFAULT_API_TOKEN_DAYS, MAX_API_TOKEN_DAYS } from '../../auth/model.ts';
import { presentApiToken, presentUser } from '../../auth/present.ts';
import { generatePassword } from '../../auth/secrets.ts';
import { createUser, getUserByEmail, setPassword } from '../../auth/service.ts';
import { changeUserAccess, listUsers, type AccessChange } from '../../auth/user-access.ts';
import type { Language } from '../../shared/language.ts';
import { cliWord, vocabularyWord, type CliHelpWord } from '../../shared/messages/catalogue.ts';
import { ZId, ZRole } from '../../shared/schemas.ts';
import { helpWords } from '../localized-command.ts';
import { parseOptions } from '../options.ts';
import { outputWords, printJson, printTable } from '../output.ts';
import { readStandardInput } from '../read-input.ts';
import { withCompany, type GlobalOptions } from '../runtime.ts';

/** A password typed or piped in: passwords are at most 200 characters, 4 bytes each in UTF-8. */
async function readStdin(): Promise<string> {
  return Buffer.from(await readStandardInput(800))
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const ZUserOptions = z.object({
  email: z.email(),
  name: z.string().min(1),
  role: ZRole,
  json: z.boolean().optional(),
});

const ZTokenOptions = z.object({
  name: z.string().trim().min(1),
  role: ZRole,
  expiresInDays: z.coerce.number().int().min(1).max(MAX_API_TOKEN_DAYS),
  json: z.boolean().optional(),
});

const ZJsonOption = z.object({ json: z.boolean().optional() });

/** `users deactivate|reactivate|set-role`: one access change of the user with that e-mail. */
function registerAccessChange(
  users: Command,
  language: Language,
  name: string,
  description: CliHelpWord,
  changeOf: (args: string[]) => AccessChange,
): Command {
  const help = helpWords(language);
  const say = outputWords(language);
  return users
    .command(name)
    .description(help(description))
    .argument('<email>', help('userEmailArgument'))
    .option('--json', help('json'))
    .action(async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const [email = '', ...rest] = command.args;
      const { json } = parseOptions(ZJsonOption, command.opts(), language);
      const change = changeOf(rest);
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const user = await getUserByEmail(deps, ctx, email);
        const changed = await changeUserAccess(deps, ctx, user.id, change);
        if (json) {
          printJson(presentUser(changed));
        } else {
          const state = changed.isActive ? 'userActive' : 'userInactive';
          const role = vocabularyWord(language, 'role', changed.role);
          console.log(say(state, { email: changed.email, role }));
        }
      });
    });
}

export function registerUserCommands(program: Command, language: Language): void {
  const help = helpWords(language);
  const say = outputWords(language);
  const users = program.command('users').description(help('users'));
  users
    .command('create')
    .description(help('usersCreate'))
    .requiredOption('--email <email>', help('userEmail'))
    .requiredOption('--name <name>', help('userName'))
    .requiredOption('--role <role>', help('roles'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const { email, name, role, json } = parseOptions(ZUserOptions, raw, language);
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const { user, password } = await createUser(deps, ctx, { email, displayName: name, role });
        if (json) {
          printJson({ id: user.id, email: user.email, role: user.role, password });
        } else {
          const roleWord = vocabularyWord(language, 'role', user.role);
          console.log(say('userCreated', { email: user.email, role: roleWord, password }));
        }
      });
    });
  users
    .command('set-password')
    .description(help('usersSetPassword'))
    .argument('<email>', help('userEmailArgument'))
    .option('--stdin', help('usersStdin'))
    .action(async (email: string, options: { stdin?: boolean }, command: Command) => {
      const password = options.stdin ? await readStdin() : generatePassword();
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const user = await getUserByEmail(deps, ctx, email);
        await setPassword(deps, ctx, user.id, password);
        console.log(
          options.stdin
            ? say('passwordChanged', { email: user.email })
            : say('passwordGenerated', { email: user.email, password }),
        );
      });
    });

  users
    .command('list')
    .description(help('usersList'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const { json } = parseOptions(ZJsonOption, raw, language);
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const found = await listUsers(deps, ctx);
        if (json) {
          printJson({ items: found.map(presentUser) });
        } else {
          printTable(
            [say('columnEmail'), say('columnName'), say('columnRole'), say('columnActive')],
            // Roles in words, as the web shows them (`--json` keeps the codes).
            found.map((user) => [
              user.email,
              user.displayName,
              vocabularyWord(language, 'role', user.role),
              say(user.isActive ? 'yes' : 'no'),
            ]),
          );
        }
      });
    });
  registerAccessChange(users, language, 'deactivate', 'usersDeactivate', () => ({
    isActive: false,
  }));
  registerAccessChange(users, language, 'reactivate', 'usersReactivate', () => ({
    isActive: true,
  }));
  // Commander counts the arguments when the action runs: `<role>` may come after it.
  registerAccessChange(users, language, 'set-role', 'usersSetRole', ([role]) => ({
    role: parseOptions(z.object({ role: ZRole }), { role }, language).role,
  })).argument('<role>', help('usersRoleArgument'));

  const tokens = program.command('tokens').description(help('tokens'));
  tokens
    .command('create')
    .description(help('tokensCreate'))
    .requiredOption('--name <name>', help('tokenName'))
    .option('--role <role>', help('tokenRole'), 'credit_manager')
    .option(
      '--expires-in-days <n>',
      help('tokenExpiresInDays', { max: MAX_API_TOKEN_DAYS }),
      String(DEFAULT_API_TOKEN_DAYS),
    )
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const { name, role, expiresInDays, json } = parseOptions(ZTokenOptions, raw, language);
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const { token, apiToken } = await createApiToken(deps, ctx, { name, role, expiresInDays });
        if (json) {
          printJson({ token, apiToken: presentApiToken(apiToken, deps.clock.now()) });
        } else {
          console.log(
            say('tokenCreated', {
              name,
              role: vocabularyWord(language, 'role', role),
              id: apiToken.id,
              expiresAt: apiToken.expiresAt.toISOString(),
              token,
            }),
          );
        }
      });
    });
  tokens
    .command('list')
    .description(help('tokensList'))
    .option('--json', help('json'))
    .action(async (raw: unknown, command: Command) => {
      const { json } = parseOptions(ZJsonOption, raw, language);
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const now = deps.clock.now();
        const items = (await listApiTokens(deps, ctx)).map((token) => presentApiToken(token, now));
        if (json) {
          printJson({ items });
        } else {
          printTable(
            [
              say('columnId'),
              say('columnName'),
              say('columnRole'),
              cliWord(language, 'columnStatus'),
              say('columnExpires'),
              say('columnLastUsed'),
            ],
            items.map((t) => [
              t.id,
              t.name,
              vocabularyWord(language, 'role', t.role),
              say(`tokenStatus_${t.status}`),
              t.expiresAt,
              t.lastUsedAt ?? '',
            ]),
          );
        }
      });
    });
  tokens
    .command('revoke')
    .description(help('tokensRevoke'))
    .argument('<id>', help('tokenId'))
    .option('--json', help('json'))
    .action(async (rawId: string, raw: unknown, command: Command) => {
      const { id, json } = parseOptions(
        ZJsonOption.extend({ id: ZId }),
        { ...(raw as object), id: rawId },
        language,
      );
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const revoked = presentApiToken(await revokeApiToken(deps, ctx, id), deps.clock.now());
        if (json) {
          printJson(revoked);
        } else {
          console.log(say('tokenRevoked', { name: revoked.name }));
        }
      });
    });
}
