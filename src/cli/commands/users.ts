import type { Command } from 'commander';
import { z } from 'zod';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens.ts';
import { DEFAULT_API_TOKEN_DAYS, MAX_API_TOKEN_DAYS, type User } from '../../auth/model.ts';
import { presentApiToken, presentUser } from '../../auth/present.ts';
import { generatePassword } from '../../auth/secrets.ts';
import { createUser, getUserByEmail, setPassword } from '../../auth/service.ts';
import { changeUserAccess, listUsers, type AccessChange } from '../../auth/user-access.ts';
import { ZId, ZRole } from '../../shared/schemas.ts';
import { parseOptions } from '../options.ts';
import { printJson, printTable } from '../output.ts';
import { readStandardInput } from '../read-input.ts';
import { cliLanguage, withCompany, type GlobalOptions } from '../runtime.ts';

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

function describeUser(user: User): string {
  return `${user.email} (${user.role}, ${user.isActive ? 'active' : 'inactive'})`;
}

/** `users deactivate|reactivate|set-role`: one access change of the user with that e-mail. */
function registerAccessChange(
  users: Command,
  usage: string,
  description: string,
  changeOf: (args: string[]) => AccessChange,
): void {
  users
    .command(usage)
    .description(description)
    .option('--json', 'print JSON')
    .action(async (...args: unknown[]) => {
      const command = args.at(-1) as Command;
      const [email = '', ...rest] = command.args;
      const { json } = parseOptions(
        ZJsonOption,
        command.opts(),
        cliLanguage(command.optsWithGlobals<GlobalOptions>()),
      );
      const change = changeOf(rest);
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const user = await getUserByEmail(deps, ctx, email);
        const changed = await changeUserAccess(deps, ctx, user.id, change);
        if (json) {
          printJson(presentUser(changed));
        } else {
          console.log(`User ${describeUser(changed)}.`);
        }
      });
    });
}

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('People who sign in');
  users
    .command('create')
    .description('Create a user; a password is generated and printed once')
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--name <name>', 'display name')
    .requiredOption(
      '--role <role>',
      'admin, credit_manager, collector, department_member, read_only',
    )
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const { email, name, role, json } = parseOptions(
        ZUserOptions,
        raw,
        cliLanguage(command.optsWithGlobals<GlobalOptions>()),
      );
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const { user, password } = await createUser(deps, ctx, { email, displayName: name, role });
        if (json) {
          printJson({ id: user.id, email: user.email, role: user.role, password });
        } else {
          console.log(
            `User ${user.email} (${user.role}) created. Password (shown once): ${password}`,
          );
        }
      });
    });
  users
    .command('set-password <email>')
    .description(
      "Set a user's password: read from standard input with --stdin, else generated and printed",
    )
    .option('--stdin', 'read the new password from standard input')
    .action(async (email: string, options: { stdin?: boolean }, command: Command) => {
      const password = options.stdin ? await readStdin() : generatePassword();
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const user = await getUserByEmail(deps, ctx, email);
        await setPassword(deps, ctx, user.id, password);
        console.log(
          options.stdin
            ? `Password of ${user.email} changed.`
            : `New password of ${user.email} (shown once): ${password}`,
        );
      });
    });

  users
    .command('list')
    .description('The users of the company, active or not')
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const { json } = parseOptions(
        ZJsonOption,
        raw,
        cliLanguage(command.optsWithGlobals<GlobalOptions>()),
      );
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const found = await listUsers(deps, ctx);
        if (json) {
          printJson({ items: found.map(presentUser) });
        } else {
          printTable(
            ['e-mail', 'name', 'role', 'active'],
            found.map((user) => [
              user.email,
              user.displayName,
              user.role,
              user.isActive ? 'yes' : 'no',
            ]),
          );
        }
      });
    });
  registerAccessChange(
    users,
    'deactivate <email>',
    'Stop a user from signing in; their open sessions are closed at once',
    () => ({ isActive: false }),
  );
  registerAccessChange(users, 'reactivate <email>', 'Let a deactivated user sign in again', () => ({
    isActive: true,
  }));
  registerAccessChange(
    users,
    'set-role <email> <role>',
    "Change a user's role; their open sessions act with it from their next request",
    ([role]) => ({ role: parseOptions(z.object({ role: ZRole }), { role }).role }),
  );

  const tokens = program
    .command('tokens')
    .description('API tokens for integrations (ERP, scripts)');
  tokens
    .command('create')
    .description('Create an API token; it is printed once and stored hashed')
    .requiredOption('--name <name>', 'what the token is for, e.g. "ERP Sage"')
    .option('--role <role>', 'role the token acts with', 'credit_manager')
    .option(
      '--expires-in-days <n>',
      `days until it is refused (at most ${MAX_API_TOKEN_DAYS})`,
      String(DEFAULT_API_TOKEN_DAYS),
    )
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const { name, role, expiresInDays, json } = parseOptions(
        ZTokenOptions,
        raw,
        cliLanguage(command.optsWithGlobals<GlobalOptions>()),
      );
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const { token, apiToken } = await createApiToken(deps, ctx, { name, role, expiresInDays });
        if (json) {
          printJson({ token, apiToken: presentApiToken(apiToken, deps.clock.now()) });
        } else {
          console.log(
            `API token "${name}" (${role}, id ${apiToken.id}, expires ${apiToken.expiresAt.toISOString()}): ${token}\nSend it as "Authorization: Bearer <token>". It will not be shown again.`,
          );
        }
      });
    });
  tokens
    .command('list')
    .description("The company's API tokens, newest first (never their secret)")
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const { json } = parseOptions(
        ZJsonOption,
        raw,
        cliLanguage(command.optsWithGlobals<GlobalOptions>()),
      );
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const now = deps.clock.now();
        const items = (await listApiTokens(deps, ctx)).map((token) => presentApiToken(token, now));
        if (json) {
          printJson({ items });
        } else {
          printTable(
            ['id', 'name', 'role', 'status', 'expires', 'last used'],
            items.map((t) => [t.id, t.name, t.role, t.status, t.expiresAt, t.lastUsedAt ?? '']),
          );
        }
      });
    });
  tokens
    .command('revoke <id>')
    .description('Revoke an API token: it is refused from the next request')
    .option('--json', 'print JSON')
    .action(async (rawId: string, raw: unknown, command: Command) => {
      const { id, json } = parseOptions(ZJsonOption.extend({ id: ZId }), {
        ...(raw as object),
        id: rawId,
      });
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const revoked = presentApiToken(await revokeApiToken(deps, ctx, id), deps.clock.now());
        if (json) {
          printJson(revoked);
        } else {
          console.log(`API token "${revoked.name}" revoked.`);
        }
      });
    });
}
