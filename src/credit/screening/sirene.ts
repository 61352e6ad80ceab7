/**
 * Reads the INSEE "API Sirene" (version 3.11) answer to `GET /siren/{siren}` into a
 * `CompanyRecord`. Field names as INSEE documents them (docs/screening.md lists those
 * relied on): the legal unit `uniteLegale` carries the fields that have no history
 * (`dateCreationUniteLegale`, `trancheEffectifsUniteLegale`, `prenom1UniteLegale`…), and
 * its `periodesUniteLegale[]` the historized ones, the current period being the one whose
 * `dateFin` is null.
 *
 * A unit in partial diffusion (`statutDiffusionUniteLegale: 'P'`, C. com. R. 123-232-1)
 * has some fields written `[ND]` (non diffusible): each is read as unknown.
 *
 * Pure (HOUSE_STYLE §3).
 */
import { z } from 'zod';
import { parseIsoDate, type CalendarDate } from '../../shared/calendar-date.ts';
import { fieldIssue, type Issue } from '../../shared/errors.ts';
import { normalizeSiren } from '../../shared/identifiers.ts';
import { legalFormLabel } from './legal-forms.ts';
import type { CompanyRecord } from './model.ts';

/** What Sirene writes in place of a field a unit in partial diffusion does not disclose. */
export const SIRENE_MASKED = '[ND]';

/** A text field: absent, null, empty and `[ND]` all read as null. */
const ZText = z
  .string()
  .nullish()
  .transform((value) =>
    value === undefined || value === '' || value === SIRENE_MASKED ? null : value,
  );

/** A `YYYY-MM-DD` field (or unknown, as `ZText`). */
const ZDate = ZText.refine((value) => value === null || parseIsoDate(value) !== undefined, {
  message: 'expected a date YYYY-MM-DD',
}).transform((value) => (value === null ? null : (parseIsoDate(value) ?? null)));

const ZPeriod = z.object({
  dateFin: ZDate,
  dateDebut: ZDate,
  etatAdministratifUniteLegale: z.enum(['A', 'C']),
  denominationUniteLegale: ZText,
  nomUniteLegale: ZText,
  nomUsageUniteLegale: ZText,
  categorieJuridiqueUniteLegale: ZText.refine((code) => code === null || /^\d{4}$/.test(code), {
    message: 'expected a catégorie juridique of 4 digits',
  }),
  activitePrincipaleUniteLegale: ZText,
  nomenclatureActivitePrincipaleUniteLegale: ZText,
});

const ZSireneAnswer = z.object({
  uniteLegale: z.object({
    siren: z.string().regex(/^\d{9}$/, 'expected 9 digits'),
    statutDiffusionUniteLegale: z.string(),
    dateCreationUniteLegale: ZDate,
    trancheEffectifsUniteLegale: ZText.refine(
      (band) => band === null || /^(NN|\d{2})$/.test(band),
      {
        message: 'expected a trancheEffectifs code (NN, 00 … 53)',
      },
    ),
    prenom1UniteLegale: ZText,
    prenomUsuelUniteLegale: ZText,
    // At least one period (the current one): a tuple with a rest, so the type says so.
    periodesUniteLegale: z.tuple([ZPeriod], ZPeriod),
  }),
});

type Period = z.infer<typeof ZPeriod>;

/**
 * What `parseSireneAnswer` returns: the company, or the issues. `isUnknownSiren` says the
 * register answered 404, "no such SIREN", as opposed to an answer not understood.
 */
export type SireneResult =
  | { ok: true; company: CompanyRecord }
  | { ok: false; isUnknownSiren: boolean; issues: Issue[] };

// NAF rév. 2 codes: 2 digits, a dot, 2 digits, a capital (`62.01Z`). Older periods of a
// ceased unit may carry a code of an older nomenclature (NAFRev1, NAP), not kept.
const NAF_REV2 = /^\d{2}\.\d{2}[A-Z]$/;

/**
 * The current period: `dateFin` null. INSEE lists periods newest first, so when none is
 * open (it should not happen) the first is the latest known.
 */
function currentPeriod(periods: readonly [Period, ...Period[]]): Period {
  return periods.find((period) => period.dateFin === null) ?? periods[0];
}

/** A legal person's name, else a sole trader's first name and (usage, else birth) name. */
function nameOf(period: Period, firstName: string | null): string | null {
  if (period.denominationUniteLegale !== null) {
    return period.denominationUniteLegale;
  }
  const parts = [firstName, period.nomUsageUniteLegale ?? period.nomUniteLegale];
  const name = parts.filter((part) => part !== null).join(' ');
  return name === '' ? null : name;
}

function badAnswer(path: string, detail: string): SireneResult {
  return {
    ok: false,
    isUnknownSiren: false,
    issues: [fieldIssue(path, 'sirene_bad_answer', { path, detail })],
  };
}

/**
 * Reads Sirene's answer to `GET /siren/{siren}`: `status` is the HTTP status, `body` the
 * parsed JSON. 404 is INSEE's "Aucun élément trouvé": an unknown SIREN
 * (`sirene_siren_unknown`). A 200 is read with zod; anything it does not expect, or a unit
 * of another SIREN than the one asked, is `sirene_bad_answer` with the path.
 *
 * State: `etatAdministratifUniteLegale` `A` (active) or `C` (ceased, cessée); a ceased
 * unit's `ceasedOn` is its current period's `dateDebut`, the day the state changed.
 */
export function parseSireneAnswer(
  status: number,
  body: unknown,
  options: { siren: string; asOf: CalendarDate },
): SireneResult {
  const siren = normalizeSiren(options.siren);
  if (status === 404) {
    return {
      ok: false,
      isUnknownSiren: true,
      issues: [fieldIssue('siren', 'sirene_siren_unknown', { siren })],
    };
  }
  if (status !== 200) {
    return badAnswer('status', `HTTP ${status}`);
  }
  const parsed = ZSireneAnswer.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const path = issue.path.join('.');
      return fieldIssue(path, 'sirene_bad_answer', { path, detail: issue.message });
    });
    return { ok: false, isUnknownSiren: false, issues };
  }
  const unit = parsed.data.uniteLegale;
  if (unit.siren !== siren) {
    return badAnswer('uniteLegale.siren', `unit ${unit.siren}, not ${siren}`);
  }
  const period = currentPeriod(unit.periodesUniteLegale);
  const isCeased = period.etatAdministratifUniteLegale === 'C';
  const legalFormCode = period.categorieJuridiqueUniteLegale;
  const activity = period.activitePrincipaleUniteLegale;
  const nomenclature = period.nomenclatureActivitePrincipaleUniteLegale;
  const isNafRev2 =
    activity !== null && NAF_REV2.test(activity) && (nomenclature ?? 'NAFRev2') === 'NAFRev2';
  return {
    ok: true,
    company: {
      siren,
      name: nameOf(period, unit.prenomUsuelUniteLegale ?? unit.prenom1UniteLegale),
      state: isCeased ? 'ceased' : 'active',
      ceasedOn: isCeased ? period.dateDebut : null,
      legalFormCode,
      legalFormLabel: legalFormCode === null ? null : legalFormLabel(legalFormCode),
      createdOn: unit.dateCreationUniteLegale,
      activityCode: isNafRev2 ? activity : null,
      headcountBand: unit.trancheEffectifsUniteLegale,
      isPartiallyDiffusible: unit.statutDiffusionUniteLegale !== 'O',
      source: 'sirene',
      asOf: options.asOf,
    },
  };
}
