/**
 * Whom the demo's dunning singles out (docs/dunning.md "The demo"), chosen from the seed
 * while its customers are loaded, and how many days it replays. Apart from the replay
 * (demo-dunning.ts), so that loading the demo carries the run's code only when it replays.
 */
import type { TRole } from '../shared/schemas.ts';
import type { DemoCustomer, DemoSize } from './generate.ts';
import { mixSeed } from './random.ts';

/**
 * Days of daily runs the demo replays before its today, by size: a month at size S; at the
 * larger sizes each day costs more (a run decides every customer), so fewer days, to keep
 * `encaisse demo` within a couple of minutes (docs/dunning.md "The demo" has the times).
 */
export const DEMO_REPLAY_DAYS: Record<DemoSize, number> = { S: 30, M: 14, L: 3 };

/** Seeded streams of the picks, apart from the generator's (`customer-plan.ts` STREAMS). */
export const PICK = {
  english: 0xd101,
  manual: 0xd102,
  ownScenario: 0xd106,
  bounce: 0xd103,
  agenda: 0xd104,
  outcome: 0xd105,
} as const;

/** A member of the demo's team, who works the agenda as themselves. */
export type DemoTeamMember = { id: string; displayName: string; role: TRole };

/** Who the demo's dunning setup singles out, collected while its customers are loaded. */
export type DemoDunningPicks = {
  /** Standard-risk big accounts given « Grands comptes » as their own scenario. */
  ownScenario: string[];
  /** Written to in English (`customer_dunning.language`). */
  english: string[];
  /** Followed by a collector by hand: the run leaves them alone. */
  manualFollowUp: string[];
};

/** Chance in a million of a customer's pick, by seed and customer id (a demo id: seeded). */
export function draw(seed: number, stream: number, key: string): number {
  return mixSeed(seed, stream, Number.parseInt(key.replaceAll('-', '').slice(-8), 16)) % 1_000_000;
}

/**
 * Collects the picks batch by batch, so the loader keeps a few ids rather than its
 * customers: about 1.5% of the late payers in English, as many of the difficult accounts
 * under manual follow-up, 1% of the standard-risk customers with a credit limit of 20 000 €
 * or more on « Grands comptes »; at least two of each.
 */
export function createDunningPicker(seed: number): {
  add(customers: readonly DemoCustomer[]): void;
  picks(): DemoDunningPicks;
} {
  const picks: DemoDunningPicks = { ownScenario: [], english: [], manualFollowUp: [] };
  const fallback: DemoDunningPicks = { ownScenario: [], english: [], manualFollowUp: [] };
  const pick = (list: keyof DemoDunningPicks, stream: number, id: string, perMillion: number) => {
    if (draw(seed, stream, id) < perMillion) {
      picks[list].push(id);
    } else if (fallback[list].length < 2) {
      fallback[list].push(id);
    }
  };
  const atLeastTwo = (list: keyof DemoDunningPicks) =>
    [...picks[list], ...fallback[list]].slice(0, Math.max(2, picks[list].length));
  return {
    add(customers) {
      for (const customer of customers) {
        if (customer.status === 'closed' || customer.status === 'prospect') {
          continue;
        }
        const isLate =
          customer.profile === 'slightly_late' || customer.profile === 'chronically_late';
        const isDifficult = customer.profile === 'disputes' || customer.profile === 'in_difficulty';
        if (isLate) {
          pick('english', PICK.english, customer.id, 15_000);
        } else if (isDifficult) {
          pick('manualFollowUp', PICK.manual, customer.id, 15_000);
        } else if (
          customer.riskCategory === 'standard' &&
          (customer.creditLimitCents ?? 0) >= 2_000_000
        ) {
          pick('ownScenario', PICK.ownScenario, customer.id, 10_000);
        }
      }
    },
    picks() {
      return {
        ownScenario: atLeastTwo('ownScenario'),
        english: atLeastTwo('english'),
        manualFollowUp: atLeastTwo('manualFollowUp'),
      };
    },
  };
}
