/**
 * Collective proceedings (procédures collectives, C. com. livre VI) of a prospect, as the
 * BODACC publishes their judgements, and the rule that says where a company stands after
 * all of them: in none, in safeguard, in receivership, continuing under a plan, or
 * liquidated.
 *
 * Pure (HOUSE_STYLE §3).
 */
import { compareDates, type CalendarDate } from '../../shared/calendar-date.ts';

/**
 * What a judgement does:
 * - `safeguard`: opens a safeguard (sauvegarde, C. com. L. 620-1; accelerated: L. 628-1);
 * - `receivership`: opens a receivership (redressement judiciaire, L. 631-1), or converts a
 *   safeguard into one (L. 622-10);
 * - `liquidation`: opens or converts into a judicial liquidation (L. 640-1, L. 631-15 II);
 * - `plan`: adopts a safeguard or continuation plan (L. 626-1, L. 631-19): the company goes
 *   on, under the plan;
 * - `closure`: ends a proceeding (clôture, L. 643-9; end of a receivership, L. 631-16; plan
 *   carried out, L. 626-28);
 * - `other`: any other notice (a plan changed, creditors' list filed…), its label kept.
 */
export const PROCEEDING_KINDS = [
  'safeguard',
  'receivership',
  'liquidation',
  'plan',
  'closure',
  'other',
] as const;

/** A kind of `PROCEEDING_KINDS`. */
export type ProceedingKind = (typeof PROCEEDING_KINDS)[number];

/**
 * One judgement of a collective proceeding: its kind, the day it was handed down (null
 * when the notice's date cannot be read), the day the BODACC published it, the court, the
 * judgement's wording as published, and the notice's reference (BODACC `id`) when known.
 */
export type CollectiveProceeding = {
  kind: ProceedingKind;
  judgedOn: CalendarDate | null;
  publishedOn: CalendarDate;
  court: string;
  label: string;
  reference: string | null;
};

/**
 * Where the company stands: no proceeding open (`none`), one open (`safeguard`,
 * `receivership`), continuing under a plan (`plan`), or `liquidated`.
 */
export type ProceedingState = 'none' | 'safeguard' | 'receivership' | 'plan' | 'liquidated';

/**
 * The outcome of `proceedingSituation`: the state, the judgement that put the company in
 * it (for `none`, the closure that ended the last proceeding, or null when there was none),
 * and the unclassified notices published after the last classified one.
 */
export type ProceedingSituation = {
  state: ProceedingState;
  decisive: CollectiveProceeding | null;
  unclassified: CollectiveProceeding[];
};

/** The date a judgement counts from: its own, else its publication's. */
export function effectiveDate(proceeding: CollectiveProceeding): CalendarDate {
  return proceeding.judgedOn ?? proceeding.publishedOn;
}

// On one day, openings come before the plan or the liquidation that follow them in the
// same hearing, and a closure last.
const SAME_DAY_ORDER: Readonly<Record<ProceedingKind, number>> = {
  safeguard: 0,
  receivership: 0,
  plan: 1,
  liquidation: 2,
  closure: 3,
  other: 4,
};

// A closure "pour insuffisance d'actif" exists only in a liquidation (C. com. L. 643-9).
const INSUFFICIENT_ASSETS = /insuffisance\s+d.actif/i;

/**
 * Where the company stands after `proceedings`, read in the order of their dates (each
 * judgement's own date, else its publication's). The rule: a proceeding is open unless a
 * later judgement ends it.
 *
 * 1. A liquidation is final: the judgement that orders it dissolves the company (C. civ.
 *    art. 1844-7, 7°), so nothing after it (a closure, for insufficient assets or not)
 *    makes it a going concern again.
 * 2. A safeguard or a receivership is open from its judgement; a later one replaces it
 *    (a safeguard converted into a receivership).
 * 3. A plan ends the observation period: the company continues under the plan (`plan`).
 * 4. A closure ends what is open (`none`), except a closure for insufficient assets, which
 *    only a liquidation has: `liquidated`, even when its opening is missing from the list.
 * 5. Other notices change nothing; those dated after the last classified judgement are
 *    returned in `unclassified`, for someone to read (an older one was overtaken by what
 *    followed).
 */
export function proceedingSituation(
  proceedings: readonly CollectiveProceeding[],
): ProceedingSituation {
  const ordered = [...proceedings].sort(
    (a, b) =>
      compareDates(effectiveDate(a), effectiveDate(b)) ||
      SAME_DAY_ORDER[a.kind] - SAME_DAY_ORDER[b.kind],
  );
  let state: ProceedingState = 'none';
  let decisive: CollectiveProceeding | null = null;
  let unclassified: CollectiveProceeding[] = [];
  for (const proceeding of ordered) {
    if (proceeding.kind === 'other') {
      unclassified.push(proceeding);
      continue;
    }
    unclassified = [];
    if (state === 'liquidated') {
      continue;
    }
    switch (proceeding.kind) {
      case 'liquidation':
        state = 'liquidated';
        break;
      case 'safeguard':
      case 'receivership':
        state = proceeding.kind;
        break;
      case 'plan':
        state = 'plan';
        break;
      case 'closure':
        state = INSUFFICIENT_ASSETS.test(proceeding.label) ? 'liquidated' : 'none';
        break;
    }
    decisive = proceeding;
  }
  return { state, decisive, unclassified };
}
