/**
 * The credit policy's form as typed, and the request it becomes (docs/credit.md
 * « Thresholds and alerts », « Authority »): the thresholds in percent, the ceilings in
 * euros (empty: no ceiling). Texts are read with the app's own amount parser, digit by digit
 * (HOUSE_STYLE §5); the server checks the ranges again. Pure: no DOM, no clock.
 */
import type { z } from 'zod';
import { can } from '../../../../src/app/permissions.ts';
import type { ZCreditPolicy } from '../../../../src/credit/schemas.ts';
import type { Language } from '../../../../src/shared/language.ts';
import { parseAmount } from '../../../../src/shared/money.ts';
import type { TRole } from '../../../../src/shared/schemas.ts';
import { rateInputText } from '../dunning/rate-input.ts';
import { amountInputText, readAmountCents } from './credit-model.ts';

/** The policy as `GET /api/credit/policy` answers it and `PUT` takes it. */
export type TCreditPolicy = z.infer<typeof ZCreditPolicy>;

/** The form's fields: two thresholds, what a customer without a limit gets, four ceilings. */
export type PolicyValues = {
  alert: string;
  block: string;
  withoutLimit: TCreditPolicy['withoutLimit'];
  collectorLimit: string;
  collectorException: string;
  managerLimit: string;
  managerException: string;
};

/** The name of one field of the form. */
export type PolicyField = keyof PolicyValues;

/** The fields typed in percent; the others typed as text are amounts in euros. */
export const THRESHOLD_FIELDS: ReadonlySet<PolicyField> = new Set(['alert', 'block']);

/**
 * A threshold typed in percent (`80`, `112,5`, `80 %`) in basis points (8 000, 11 250), or
 * `undefined` when it is not a number with two decimals at most. A percent with two
 * decimals is a whole number of basis points, so `parseAmount` with 2 digits reads it exactly
 * (`80` → 8 000). No upper bound here: a block threshold may be above 100 %, and the range
 * (1 to 100 000) is the server's to refuse (`credit_threshold_out_of_range`).
 */
export function thresholdBps(text: string): number | undefined {
  const parsed = parseAmount(text.trim().replace(/\s*%$/u, ''), 2);
  return parsed.ok ? parsed.value : undefined;
}

/** A stored threshold as the field's text: 8 000 → `80`, 11 250 → `112,5` (fr), `112.5` (en). */
export function thresholdText(bps: number, language: Language): string {
  return rateInputText(bps, language);
}

/** A stored ceiling as the field's text: `null` (no ceiling) → empty, 5 000 000 → `50000,00`. */
export function ceilingText(limitCents: number | null, language: Language): string {
  return limitCents === null ? '' : amountInputText(limitCents, language);
}

/** The form filled from the stored policy. */
export function policyValues(policy: TCreditPolicy, language: Language): PolicyValues {
  const { collector, creditManager } = policy.ceilings;
  return {
    alert: thresholdText(policy.alertBps, language),
    block: thresholdText(policy.blockBps, language),
    withoutLimit: policy.withoutLimit,
    collectorLimit: ceilingText(collector.limitMaxCents, language),
    collectorException: ceilingText(collector.exceptionMaxCents, language),
    managerLimit: ceilingText(creditManager.limitMaxCents, language),
    managerException: ceilingText(creditManager.exceptionMaxCents, language),
  };
}

/** The request, or the fields whose text is not a percent (thresholds) or an amount (ceilings). */
export type PolicyRequestResult =
  | { ok: true; request: TCreditPolicy }
  | { ok: false; invalid: readonly PolicyField[] };

/**
 * The `PUT /api/credit/policy` body from the form. An empty ceiling is no ceiling (`null`);
 * an empty threshold is not a threshold. Nothing is sent while a field does not read.
 */
export function policyRequest(values: PolicyValues): PolicyRequestResult {
  const invalid: PolicyField[] = [];
  const threshold = (field: 'alert' | 'block'): number => {
    const bps = thresholdBps(values[field]);
    if (bps === undefined) {
      invalid.push(field);
    }
    return bps ?? 0;
  };
  const ceiling = (field: Exclude<PolicyField, 'alert' | 'block' | 'withoutLimit'>) => {
    if (values[field].trim() === '') {
      return null;
    }
    const amount = readAmountCents(values[field]);
    if (amount === undefined) {
      invalid.push(field);
    }
    return amount ?? null;
  };
  const request: TCreditPolicy = {
    alertBps: threshold('alert'),
    blockBps: threshold('block'),
    withoutLimit: values.withoutLimit,
    ceilings: {
      collector: {
        limitMaxCents: ceiling('collectorLimit'),
        exceptionMaxCents: ceiling('collectorException'),
      },
      creditManager: {
        limitMaxCents: ceiling('managerLimit'),
        exceptionMaxCents: ceiling('managerException'),
      },
    },
  };
  return invalid.length === 0 ? { ok: true, request } : { ok: false, invalid };
}

const SERVER_FIELDS: ReadonlyMap<string, PolicyField> = new Map([
  ['alertBps', 'alert'],
  ['blockBps', 'block'],
  ['withoutLimit', 'withoutLimit'],
  ['ceilings.1.limitMaxCents', 'collectorLimit'],
  ['ceilings.1.exceptionMaxCents', 'collectorException'],
  ['ceilings.2.limitMaxCents', 'managerLimit'],
  ['ceilings.2.exceptionMaxCents', 'managerException'],
  ['ceilings.collector.limitMaxCents', 'collectorLimit'],
  ['ceilings.collector.exceptionMaxCents', 'collectorException'],
  ['ceilings.creditManager.limitMaxCents', 'managerLimit'],
  ['ceilings.creditManager.exceptionMaxCents', 'managerException'],
]);

/**
 * The form field a server issue is about. The domain's check names the authority levels
 * (`ceilings.1.limitMaxCents`: level 1, the collector; `ceilings.2.…`: level 2, the credit
 * manager), the request's schema names the roles (`ceilings.creditManager.…`): both land on
 * the same row. `undefined` for an issue that names no field of the form.
 */
export function policyFieldOf(serverField: string): PolicyField | undefined {
  return SERVER_FIELDS.get(serverField);
}

/** Whether the role sets the policy (`credit:configure`: administrators); the others read it. */
export function canSetCreditPolicy(role: TRole): boolean {
  return can(role, 'credit:configure');
}
