import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/client.ts';
import type { Clock } from '../shared/clock.ts';
import { todayIn } from '../shared/calendar-date.ts';
import type { IdGenerator } from '../shared/ids.ts';

/** The side effects a use case may have, passed in so tests can fix them. */
export type Deps = {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
};

function systemClock(): Clock {
  return { now: () => new Date(), today: (timeZone) => todayIn(timeZone, new Date()) };
}

/** Time-ordered UUIDs (v7): index-friendly and unguessable. */
function uuidGenerator(): IdGenerator {
  return { newId: () => uuidv7() };
}

export function createDeps(db: Db, overrides: Partial<Omit<Deps, 'db'>> = {}): Deps {
  return { db, clock: overrides.clock ?? systemClock(), ids: overrides.ids ?? uuidGenerator() };
}
