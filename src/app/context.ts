import type { TRole } from '../shared/schemas.ts';

/**
 * Who acts: a signed-in user, an integration's API token, the CLI or a scheduled
 * run. `id` is the user's or token's id, and for the CLI the operating-system user
 * who ran the command.
 */
export type Actor = {
  type: 'user' | 'api_token' | 'system' | 'cli';
  id: string | null;
  name: string | null;
};

/**
 * What every use case receives besides its input: the company it acts in (every
 * query filters on it), who acts and with which role.
 */
export type Ctx = {
  companyId: string;
  actor: Actor;
  role: TRole;
};

/**
 * The CLI acts as an administrator of the company it was pointed at, on behalf of
 * `operator`, the operating-system user who ran it (read by `src/cli/`, which owns
 * the I/O): the audit trail then says who did it.
 */
export function cliContext(companyId: string, operator: string): Ctx {
  return { companyId, actor: { type: 'cli', id: operator, name: operator }, role: 'admin' };
}
