import type { Queryable } from '../db/client.ts';
import type { Ctx } from './context.ts';

/** What a list of another capability shows of a customer: its code and legal name. */
export type CustomerLabel = { code: string; name: string };

/**
 * The customers as the capabilities below them may ask for them (ADR 19): the ledger's
 * lists name each row's customer and filter on its code, but `customer` belongs to
 * `customers`, which sits above the ledger and reads its balances. So the ledger asks
 * this port, declared here where both can see it, and `customers/directory.ts`
 * answers it; the assembly (`createDeps`) plugs one into the other.
 *
 * Both take the caller's `Queryable`, so an export reads the names in its own snapshot.
 */
export type CustomerDirectory = {
  /** The id of the company's customer with `code` (as stored: capitals), if there is one. */
  findIdByCode: (q: Queryable, ctx: Ctx, code: string) => Promise<string | undefined>;
  /**
   * The code and legal name of each of `ids`, in one statement whatever their number (a
   * page's worth, never one per row). An id the company has no customer for is absent.
   */
  namesOf: (q: Queryable, ctx: Ctx, ids: readonly string[]) => Promise<Map<string, CustomerLabel>>;
};
