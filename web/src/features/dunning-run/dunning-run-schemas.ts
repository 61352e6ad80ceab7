/**
 * The daily run's HTTP contract as the web reads it: the server's own schemas
 * (`src/dunning/agenda-schemas.ts`, docs/api.md « Daily run »), the reasons a run holds
 * something back for (docs/dunning.md "Held back") and the counts the bars show.
 */
import type { z } from 'zod';
import type { ZRunList, ZRunReport } from '../../../../src/dunning/agenda-schemas.ts';

export { ZRunList, ZRunReport } from '../../../../src/dunning/agenda-schemas.ts';

/** Why the run held something back: the codes of `decide.ts`, in the catalogue's order. */
export const HOLD_REASONS = [
  'closed',
  'in_litigation',
  'manual_follow_up',
  'no_scenario',
  'disputed',
  'promised',
  'awaiting_approval',
  'previous_step_failed',
  'step_not_in_scenario',
  'below_tolerance',
  'covered_by_credits',
  'recent_contact',
] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/** The counts, in the order the bars show them. */
export const RUN_COUNTS = [
  'customers',
  'actions',
  'messages',
  'awaitingApproval',
  'tasks',
  'heldBack',
  'leaves',
] as const;
export type RunCountName = (typeof RUN_COUNTS)[number];

export type TRunReport = z.infer<typeof ZRunReport>;
export type TRunCounts = Pick<TRunReport['counts'], RunCountName>;
export type TRunList = z.infer<typeof ZRunList>;
