/**
 * What the « Solvabilité » panel decides and says (issue 12, docs/screening.md): a verdict's
 * colour, whether the panel opens by itself, a reason or notice as the server's catalogue
 * words it, the INSEE headcount band in words, and the form's entries turned into the
 * request (or what is wrong with them) and the server's refusal put on its fields. Pure: no
 * DOM, no clock.
 */
import type { z } from 'zod';
import type {
  ZScoreScale,
  ZScreeningRequest,
  ZSolvencyScreen,
  ZVerdict,
} from '../../../../src/credit/screening-schemas.ts';
import type { Language } from '../../../../src/shared/language.ts';
import { findMessage } from '../../../../src/shared/messages/catalogue.ts';
import type { TProblem } from '../../../../src/shared/schemas.ts';
import { readAmountCents } from './credit-model.ts';

/** A screen as `GET /api/customers/:id/screening` lists it. */
export type TSolvencyScreen = z.infer<typeof ZSolvencyScreen>;
/** go, go_with_deposit or no_go. */
export type TVerdict = z.infer<typeof ZVerdict>;
/** 0-100, 1-20, 1-10 or bdf. */
export type TScoreScale = z.infer<typeof ZScoreScale>;
/** A screen as sent (the server fills `lookup` and `proceedingsChecked` when absent). */
export type TScreeningBody = z.input<typeof ZScreeningRequest>;

/** A verdict's badge colour: the brief's green, orange and red (Mantine palette names). */
export type VerdictTone = 'green' | 'orange' | 'red';

const VERDICT_TONES: Readonly<Record<TVerdict, VerdictTone>> = {
  go: 'green',
  go_with_deposit: 'orange',
  no_go: 'red',
};

/** The colour of a verdict's badge: go green, go with deposit orange, no-go red. */
export function verdictTone(verdict: TVerdict): VerdictTone {
  return VERDICT_TONES[verdict];
}

/**
 * Whether the panel opens by itself: for a prospect, whose first order waits on the screen
 * (issue 12, « shown on the prospect's page »); an existing customer's stays folded under
 * its latest verdict, to be re-run on demand.
 */
export function isScreeningOpenByDefault(status: string | undefined): boolean {
  return status === 'prospect';
}

/**
 * A reason or a notice in the reader's language, from its code and parameters through the
 * server's catalogue (so a language switched after loading applies at once), else the
 * server's own wording, else the bare code of a newer server.
 */
export function screeningText(
  language: Language,
  entry: {
    code: string;
    params?: Readonly<Record<string, string | number>> | undefined;
    message?: string | undefined;
  },
): string {
  return findMessage(language, entry.code, entry.params ?? {}) ?? entry.message ?? entry.code;
}

/** INSEE « tranche d'effectifs salariés » codes (Sirene `trancheEffectifsUniteLegale`). */
export const HEADCOUNT_BANDS = [
  'NN',
  '00',
  '01',
  '02',
  '03',
  '11',
  '12',
  '21',
  '22',
  '31',
  '32',
  '41',
  '42',
  '51',
  '52',
  '53',
] as const;
/** One of `HEADCOUNT_BANDS`. */
export type HeadcountBand = (typeof HEADCOUNT_BANDS)[number];

/** The band as a known INSEE code, to be said in words; `undefined` for another text. */
export function headcountBandOf(text: string): HeadcountBand | undefined {
  return HEADCOUNT_BANDS.find((band) => band === text);
}

/** The form's inputs that a problem can be said under (the request's own field names). */
export const SCREENING_FIELDS = [
  'score.raw',
  'score.scale',
  'score.source',
  'incidents.count',
  'incidents.amountCents',
] as const;
/** One of `SCREENING_FIELDS`. */
export type ScreeningField = (typeof SCREENING_FIELDS)[number];

/**
 * The input an issue's field belongs to. The score's reader names the value `score`, which
 * the use case prefixes (`score.score`); zod names it `score.raw`: both are the value typed.
 */
export function screeningFieldOf(field: string): ScreeningField | undefined {
  if (field === 'score.score' || field === 'score') {
    return 'score.raw';
  }
  return SCREENING_FIELDS.find((known) => known === field);
}

/** What the form holds, as typed. */
export type ScreeningFormValues = {
  score: string;
  scale: TScoreScale;
  source: string;
  incidentCount: string;
  incidentAmount: string;
  lookup: boolean;
  proceedingsChecked: boolean;
};

/** The form's empty state: no score (its scale 0-100), no incidents, nothing checked. */
export const EMPTY_SCREENING_VALUES: ScreeningFormValues = {
  score: '',
  scale: '0-100',
  source: '',
  incidentCount: '',
  incidentAmount: '',
  lookup: false,
  proceedingsChecked: false,
};

/** What the browser itself refuses before sending: the web's own words, by key. */
export type LocalScreeningProblem = 'countInvalid' | 'countMissing' | 'amountInvalid';

/** The request, or the inputs the browser cannot turn into one. */
export type ScreeningRequestBuild =
  | { ok: true; body: TScreeningBody }
  | { ok: false; problems: Partial<Record<ScreeningField, LocalScreeningProblem>> };

/**
 * The form's entries as the request: a score only when a value is typed (its source and
 * scale with it, the server reading the value and checking the source); incidents when a
 * count is typed, the amount in cents (`1 234,50` €), blank for none. A count that is not a
 * whole number, an amount that is not one, or an amount without a count is refused here:
 * they cannot be sent as numbers.
 */
export function buildScreeningRequest(values: ScreeningFormValues): ScreeningRequestBuild {
  const problems: Partial<Record<ScreeningField, LocalScreeningProblem>> = {};
  const countText = values.incidentCount.trim();
  const amountText = values.incidentAmount.trim();
  const count = /^\d{1,9}$/.test(countText) ? Number(countText) : undefined;
  const amountCents = amountText === '' ? 0 : readAmountCents(amountText);
  if (countText === '' && amountText !== '') {
    problems['incidents.count'] = 'countMissing';
  } else if (countText !== '' && count === undefined) {
    problems['incidents.count'] = 'countInvalid';
  }
  if (amountCents === undefined) {
    problems['incidents.amountCents'] = 'amountInvalid';
  }
  if (Object.keys(problems).length > 0) {
    return { ok: false, problems };
  }
  const score = values.score.trim();
  return {
    ok: true,
    body: {
      ...(score === ''
        ? {}
        : { score: { raw: score, scale: values.scale, source: values.source.trim() } }),
      ...(count === undefined ? {} : { incidents: { count, amountCents: amountCents ?? 0 } }),
      lookup: values.lookup,
      proceedingsChecked: values.proceedingsChecked,
    },
  };
}

/** A refusal: what is said under each input, and what above the buttons. */
export type ScreeningProblem = {
  fields: Partial<Record<ScreeningField, string>>;
  messages: string[];
};

/** A zod issue's wording starts with its path (`score.source : …`), needless under its input. */
function withoutPath(text: string, field: string): string {
  const match = new RegExp(`^${field.replace(/\./g, '\\.')}\\s*:\\s*`, 'u').exec(text);
  return match === null ? text : text.slice(match[0].length);
}

/**
 * A refused screen in the reader's language: the headline (400 `screening_refused`), each
 * issue under its input, and those that name none above the buttons (`siren`: the customer
 * has no SIREN, `screening_siren_missing`). A headline that only repeats an issue is left out.
 */
export function screeningProblemOf(language: Language, problem: TProblem): ScreeningProblem {
  const worded =
    problem.reason === undefined
      ? undefined
      : findMessage(language, problem.reason, problem.params);
  const headline = worded ?? (problem.detail === '' ? problem.title : problem.detail);
  const fields: Partial<Record<ScreeningField, string>> = {};
  const others: string[] = [];
  for (const issue of problem.issues ?? []) {
    const text = withoutPath(screeningText(language, issue), issue.field);
    const field = screeningFieldOf(issue.field);
    if (field === undefined) {
      others.push(text);
    } else {
      fields[field] ??= text;
    }
  }
  const said = new Set(Object.values(fields));
  const messages = [...new Set([headline, ...others])].filter((text) => !said.has(text));
  return { fields, messages };
}
