import type { TRole } from '../shared/schemas.ts';

/**
 * Who acts: a signed-in user, an integration's API token, the CLI or a scheduled
 * run. `id` is the user's or token's id, and for the CLI the operating-system user
 * who ran the command.
 */
export type Actor = {
  /**
   * `department`: a department member answering through a dispute's link; `customer`: the
   * customer's clerk on its portal link. Both act without an account (`id` is the link's).
   */
  type: 'user' | 'api_token' | 'system' | 'cli' | 'department' | 'customer';
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
  /**
   * Whom the request comes from (src/app/policy.ts): the company's staff by default, whose
   * role decides; or a link's holder, who may only what its audience may, on its one
   * dispute or its own account.
   */
  audience?: Audience;
};

/**
 * The three audiences (issue 10): staff (users, tokens, the CLI, runs), a department member
 * on one dispute, a customer on its own account. A link's holder has no role: `role` is
 * `read_only` and every role permission is refused to it (permissions.ts).
 */
export type Audience =
  | { kind: 'staff' }
  | {
      kind: 'department';
      linkId: string;
      disputeId: string;
      customerId: string;
      /** The address the request came from (what a trusted proxy says, ADR 10). */
      ip: string | null;
    }
  | { kind: 'customer'; linkId: string; customerId: string; ip: string | null };

/**
 * What the trail keeps of an act by a link's holder besides its own facts: the link it was
 * made with and the address it came from (issue 10: « every portal action recorded with
 * time and IP »; the time is the event's own). Nothing for staff, whose actor says it all.
 */
export function linkTrail(ctx: Ctx): { linkId: string; ip: string | null } | undefined {
  const audience = ctx.audience;
  return audience === undefined || audience.kind === 'staff'
    ? undefined
    : { linkId: audience.linkId, ip: audience.ip };
}

/**
 * The CLI acts as an administrator of the company it was pointed at, on behalf of
 * `operator`, the operating-system user who ran it (read by `src/cli/`, which owns
 * the I/O): the audit trail then says who did it.
 */
export function cliContext(companyId: string, operator: string): Ctx {
  return { companyId, actor: { type: 'cli', id: operator, name: operator }, role: 'admin' };
}
