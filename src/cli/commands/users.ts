import type { Command } from 'commander';
import { z } from 'zod';
import { createApiToken, createUser, getUserByEmail, setPassword } from '../../auth/service.ts';
import { generatePassword } from '../../auth/secrets.ts';
import { ZRole } from '../../shared/schemas.ts';
import { parseOptions } from '../options.ts';
import { readStandardInput } from '../read-input.ts';
import { printJson } from '../output.ts';
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
  json: z.boolean().optional(),
});

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
      const { email, name, role, json } = parseOptions(ZUserOptions, raw);
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

  program
    .command('tokens')
    .description('API tokens for integrations (ERP, scripts)')
    .command('create')
    .description('Create an API token; it is printed once and stored hashed')
    .requiredOption('--name <name>', 'what the token is for, e.g. "ERP Sage"')
    .option('--role <role>', 'role the token acts with', 'credit_manager')
    .option('--json', 'print JSON')
    .action(async (raw: unknown, command: Command) => {
      const { name, role, json } = parseOptions(ZTokenOptions, raw);
      await withCompany(command.optsWithGlobals<GlobalOptions>(), async ({ deps, ctx }) => {
        const token = await createApiToken(deps, ctx, { name, role });
        if (json) {
          printJson(token);
        } else {
          console.log(
            `API token "${name}" (${role}): ${token.token}\nSend it as "Authorization: Bearer <token>". It will not be shown again.`,
          );
        }
      });
    });
}
