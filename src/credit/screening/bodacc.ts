/**
 * Reads BODACC "annonces commerciales" as the DILA's open-data API (Opendatasoft, dataset
 * `annonces-commerciales`, API v2.1 `…/records`) gives them, into the collective
 * proceedings of one SIREN. A page of the answer is `{ total_count, results: [record] }`;
 * a record of a collective proceeding has `familleavis: 'collective'`, the SIRENs it names
 * in `registre` (with or without spaces), and its judgement in `jugement`, a JSON *string*
 * holding `famille`, `nature`, `date` and `complementJugement`. docs/screening.md lists the
 * fields relied on.
 *
 * Pure (HOUSE_STYLE §3).
 */
import { z } from 'zod';
import { parseIsoDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import { normalizeSiren } from '../../shared/identifiers.ts';
import type { CollectiveProceeding, ProceedingKind } from './proceedings.ts';

const ZNullableText = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

const ZRecord = z.object({
  id: z.string().min(1),
  dateparution: z.string().transform((text, context) => {
    const date = parseIsoDate(text);
    if (date === undefined) {
      context.addIssue({ code: 'custom', message: 'expected a date YYYY-MM-DD' });
      return z.NEVER;
    }
    return date;
  }),
  familleavis: ZNullableText,
  familleavis_lib: ZNullableText,
  tribunal: ZNullableText,
  // An array in API v2.1; a comma-separated string in some exports, read the same.
  registre: z
    .union([z.array(z.string()), z.string()])
    .nullish()
    .transform((value) => (typeof value === 'string' ? value.split(',') : (value ?? []))),
  jugement: ZNullableText,
});

const ZPage = z.object({
  total_count: z.number().int().nonnegative(),
  results: z.array(ZRecord),
});

const ZJudgement = z.object({
  famille: ZNullableText,
  nature: ZNullableText,
  date: ZNullableText,
});

/**
 * What `parseBodaccPage` returns. `issues` are about single notices that were kept all the
 * same (a judgement that cannot be read is kept as `other`); `totalCount` and
 * `recordCount` (records of every SIREN on this page) let the caller page on.
 */
export type BodaccResult =
  | {
      ok: true;
      proceedings: CollectiveProceeding[];
      issues: Issue[];
      totalCount: number;
      recordCount: number;
    }
  | { ok: false; issues: Issue[] };

/** Lower case, without accents, with straight apostrophes: what the wording rules match. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").toLowerCase();
}

/**
 * The kind of a judgement by its published wording (`nature`), in this order:
 * 1. an end (`clôture`, `mettant fin`, a plan carried out: `exécution du plan`): `closure`;
 * 2. a reversal (`infirmant`, `annulant`, `rapportant`, `rétractant`): `other`, for
 *    someone to read, since what it undoes is not in the wording;
 * 3. a sale plan (`plan de cession`): `other`; the business is sold, the debtor does not
 *    continue, and its proceeding stays open (C. com. L. 642-1);
 * 4. `liquidation`: opening, conversion, resolution of a plan with liquidation, extension;
 * 5. a receivership opened, converted into, extended or pronounced: `receivership`;
 * 6. a plan adopted (`arrêtant`, `homologuant`, `adoptant le plan`): `plan`;
 * 7. a safeguard opened (accelerated or not) or converted into: `safeguard`;
 * 8. anything else (`modifiant le plan`, creditors' list filed…): `other`.
 */
export function proceedingKindOf(wording: string): ProceedingKind {
  const text = folded(wording);
  if (/cloture|mettant fin|execution du plan/.test(text)) {
    return 'closure';
  }
  if (/infirm|annul|rapportant|retract/.test(text)) {
    return 'other';
  }
  if (/plan de cession/.test(text)) {
    return 'other';
  }
  if (/liquidation/.test(text)) {
    return 'liquidation';
  }
  if (/(ouverture|ouvrant|conversion|extension|prononcant).*redressement judiciaire/.test(text)) {
    return 'receivership';
  }
  if (/(arretant|homologuant|adoptant) le plan/.test(text)) {
    return 'plan';
  }
  if (/(ouverture|ouvrant|conversion).*sauvegarde/.test(text)) {
    return 'safeguard';
  }
  return 'other';
}

const FRENCH_MONTHS = [
  'janvier',
  'fevrier',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'aout',
  'septembre',
  'octobre',
  'novembre',
  'decembre',
];

/** A judgement date: `2024-02-27`, or as the notices' text writes it, `27 février 2024`, `1er mars 2024`. */
export function parseJudgementDate(text: string): CalendarDate | undefined {
  const iso = parseIsoDate(text);
  if (iso !== undefined) {
    return iso;
  }
  const match = /^(\d{1,2})(?:er)?\s+(\p{L}+)\s+(\d{4})$/u.exec(folded(text.trim()));
  const month = FRENCH_MONTHS.indexOf(match?.[2] ?? '') + 1;
  if (match === null || month === 0) {
    return undefined;
  }
  const [day, year] = [(match[1] ?? '').padStart(2, '0'), match[3] ?? ''];
  return parseIsoDate(`${year}-${String(month).padStart(2, '0')}-${day}`);
}

type BodaccRecord = z.infer<typeof ZRecord>;

/** One notice of the SIREN as a proceeding, and what could not be read of it. */
function proceedingOf(record: BodaccRecord): { proceeding: CollectiveProceeding; issues: Issue[] } {
  const base = {
    publishedOn: record.dateparution,
    court: record.tribunal ?? '',
    reference: record.id,
  };
  const judgement = readJudgement(record.jugement);
  const wording = judgement?.nature ?? judgement?.famille ?? null;
  if (judgement === undefined || wording === null) {
    const label = record.familleavis_lib ?? 'Procédures collectives';
    return {
      proceeding: { ...base, kind: 'other', judgedOn: null, label },
      issues: [fieldIssue('jugement', 'bodacc_judgement_unreadable', { id: record.id })],
    };
  }
  const judgedOn = judgement.date === null ? undefined : parseJudgementDate(judgement.date);
  const issues =
    judgement.date !== null && judgedOn === undefined
      ? [
          fieldIssue('jugement.date', 'bodacc_judgement_date_unreadable', {
            id: record.id,
            value: judgement.date,
          }),
        ]
      : [];
  return {
    proceeding: {
      ...base,
      kind: proceedingKindOf(wording),
      judgedOn: judgedOn ?? null,
      label: wording,
    },
    issues,
  };
}

/** The `jugement` string as an object, or undefined when it is not the JSON expected. */
function readJudgement(text: string | null): z.infer<typeof ZJudgement> | undefined {
  if (text === null) {
    return undefined;
  }
  try {
    const parsed = ZJudgement.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Not JSON at all: the notice is kept as unclassified (proceedingOf).
    return undefined;
  }
}

/**
 * The collective proceedings of `siren` on one page of the API's answer (`body`, the
 * parsed JSON). Records of other families, and of other SIRENs than the one asked, are
 * ignored: a query by `registre` may match a notice naming several companies. A page that
 * is not `{ total_count, results }` with well-formed records is `bodacc_bad_answer`.
 */
export function parseBodaccPage(body: unknown, siren: string): BodaccResult {
  const parsed = ZPage.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const path = issue.path.join('.');
      return fieldIssue(path, 'bodacc_bad_answer', { path, detail: issue.message });
    });
    return { ok: false, issues };
  }
  const wanted = normalizeSiren(siren);
  const proceedings: CollectiveProceeding[] = [];
  const issues: Issue[] = [];
  for (const record of parsed.data.results) {
    const isOurs = record.registre.some((entry) => normalizeSiren(entry) === wanted);
    if (record.familleavis !== 'collective' || !isOurs) {
      continue;
    }
    const read = proceedingOf(record);
    proceedings.push(read.proceeding);
    issues.push(...read.issues);
  }
  return {
    ok: true,
    proceedings,
    issues,
    totalCount: parsed.data.total_count,
    recordCount: parsed.data.results.length,
  };
}
