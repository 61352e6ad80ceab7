import type { TRole } from '../shared/schemas.ts';

/** Who acts: a signed-in user, an integration's API token, the CLI or a scheduled run. */
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

/** The CLI acts as an administrator of the company it was pointed at. */
export function cliContext(companyId: string): Ctx {
  return { companyId, actor: { type: 'cli', id: null, name: 'encaisse CLI' }, role: 'admin' };
}
