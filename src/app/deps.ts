import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/client.ts';
import type { Clock } from '../shared/clock.ts';
import { todayIn } from '../shared/calendar-date.ts';
import type { IdGenerator } from '../shared/ids.ts';
import type { CustomerDirectory } from './customer-directory.ts';

/** The side effects a use case may have, passed in so tests can fix them. */
export type Deps = {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  /**
   * The customers' codes and names for the ledger's lists, which may not read the
   * customers' table (ADR 19): `customerDirectory` of `customers/directory.ts`.
   */
  customers: CustomerDirectory;
};

function systemClock(): Clock {
  return { now: () => new Date(), today: (timeZone) => todayIn(timeZone, new Date()) };
}

/** Time-ordered UUIDs (v7): index-friendly and unguessable. */
function uuidGenerator(): IdGenerator {
  return { newId: () => uuidv7() };
}

/**
 * The dependencies of the use cases over `db`. The ports the layers below cannot build
 * themselves (the customer directory) are required: whoever assembles the application
 * (the CLI's runtime, a test's, a bench's) names them, so none is left out silently.
 */
export function createDeps(
  db: Db,
  wiring: Pick<Deps, 'customers'> & Partial<Pick<Deps, 'clock' | 'ids'>>,
): Deps {
  return {
    db,
    clock: wiring.clock ?? systemClock(),
    ids: wiring.ids ?? uuidGenerator(),
    customers: wiring.customers,
  };
}
