/**
 * The solvency screen's use cases (issue 12, docs/screening.md « Running a screen »): screen
 * a customer (a prospect before its first order on credit, an existing customer again on
 * demand), list its screens, and import a bureau's score file. Screening takes
 * `credit:decide`, reading `customers:read`, importing scores `imports:run`.
 *
 * The sources are asked before the transaction opens (a network call never holds a lock,
 * and PGlite's one connection belongs to the transaction once it is open, ADR 8); what they
 * said, the scores received and the screen are then stored in one transaction with its event.
 */
import type { Ctx } from '../app/context.ts';
import type { Deps } from '../app/deps.ts';
import { requirePermission } from '../app/permissions.ts';
import { recordEvents } from '../audit/service.ts';
import { getCustomer, requireCustomer } from '../customers/service.ts';
import type { Queryable } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import type { CalendarDate } from '../shared/calendar-date.ts';
import { fieldIssue, InvalidError, type Issue } from '../shared/errors.ts';
import { isValidSiren, normalizeSiren, normalizeSiret } from '../shared/identifiers.ts';
import type { Cents } from '../shared/money.ts';
import { findUnstorableCharacter } from '../shared/text.ts';
import { creditCompany } from './entity-state.ts';
import { parseBureauFile, type BureauRow } from './screening/bureau-file.ts';
import type { SourceLookup } from './screening/http-get.ts';
import { legalFormLabel } from './screening/legal-forms.ts';
import { recommend, type CompanyRecord, type PaymentIncidents } from './screening/model.ts';
import { DEFAULT_SCREENING_POLICY } from './screening/policy.ts';
import type { CollectiveProceeding } from './screening/proceedings.ts';
import { riskScore, type RiskScore, type ScoreScale } from './screening/score.ts';
import { SOURCE_SETTINGS, type ScreeningSources } from './screening-sources.ts';
import {
  findLatestRiskScore,
  insertScreen,
  listRiskScoresOf,
  listScreenRows,
  saveRiskScores,
  type JudgedScore,
  type SolvencyScreen,
  type SourceOutcome,
  type StoredRiskScore,
} from './screening-store.ts';

/**
 * A company as a person enters it for a screen (from a Kbis extract, the customer's own
 * papers): the SIREN is the customer's, the day the screen's. Unknown fields are left out.
 */
export type EnteredCompany = {
  name?: string | null | undefined;
  state: 'active' | 'ceased';
  ceasedOn?: CalendarDate | null | undefined;
  legalFormCode?: string | null | undefined;
  createdOn?: CalendarDate | null | undefined;
  activityCode?: string | null | undefined;
  headcountBand?: string | null | undefined;
};

/** Payment incidents as a person enters them: how many, their total in euro cents. */
export type EnteredIncidents = { count: number; amountCents: Cents; lastOn?: CalendarDate | null };

/**
 * What a screen is given besides the customer: a company record, incidents or a score
 * entered by a person, and whether to ask the configured sources (`lookup`).
 */
export type ScreenInput = {
  company?: EnteredCompany | undefined;
  incidents?: EnteredIncidents | undefined;
  score?: { source: string; raw: string; scale: ScoreScale } | undefined;
  lookup?: boolean | undefined;
  /**
   * The user read the BODACC and found no open proceeding (a screen without the lookup, or
   * with the BODACC unreachable): said so, the screen can be a go.
   */
  isProceedingsChecked?: boolean | undefined;
};

/** The screens a customer's list shows at most (its page: the latest first). */
const SCREENS_LISTED = 50;

/** The source's name as a notice says it (the adapters' own names). */
const SOURCE_LABELS = { sirene: 'Sirene', bodacc: 'BODACC', scores: 'score provider' } as const;

/** What the sources said for one screen, before anything is stored. */
type Gathered = {
  company?: CompanyRecord | undefined;
  proceedings: CollectiveProceeding[];
  provided?: { score: RiskScore | null; incidents: PaymentIncidents | null } | undefined;
  sources: SourceOutcome[];
  notices: Issue[];
};

/** The answer of a lookup, or undefined with the failure noted in `gathered`. */
function answerOf<T>(
  gathered: Gathered,
  source: SourceOutcome['source'],
  lookup: SourceLookup<T>,
): T | undefined {
  if (lookup.ok) {
    gathered.sources.push({ source, outcome: 'answered', failure: null });
    return lookup.answer;
  }
  gathered.sources.push({ source, outcome: 'failed', failure: lookup.failure });
  gathered.notices.push(...lookup.issues);
  return undefined;
}

/**
 * Asks the configured sources about `siren` at once. A source not configured or failing is
 * a notice, never an exception: the screen stands on what the others said. The register
 * is not asked when a company was entered, nor the score provider when a score was.
 */
async function askSources(
  sources: ScreeningSources,
  siren: string,
  today: CalendarDate,
  skip: { sirene: boolean; scores: boolean },
): Promise<Gathered> {
  const gathered: Gathered = { proceedings: [], sources: [], notices: [] };
  const notConfigured = (source: SourceOutcome['source']) => {
    gathered.sources.push({ source, outcome: 'not_configured', failure: null });
    gathered.notices.push(
      fieldIssue(source, 'screening_source_not_configured', {
        source: SOURCE_LABELS[source],
        setting: SOURCE_SETTINGS[source],
      }),
    );
  };
  const [sirene, bodacc, scores] = await Promise.all([
    skip.sirene ? undefined : sources.sirene?.lookup(siren, today),
    sources.bodacc?.lookup(siren),
    skip.scores ? undefined : sources.scores?.lookup(siren),
  ]);
  if (!skip.sirene) {
    if (sirene === undefined) {
      notConfigured('sirene');
    } else {
      const answer = answerOf(gathered, 'sirene', sirene);
      if (answer?.company === null) {
        gathered.notices.push(fieldIssue('siren', 'sirene_siren_unknown', { siren }));
      }
      gathered.company = answer?.company ?? undefined;
    }
  }
  if (bodacc === undefined) {
    notConfigured('bodacc');
  } else {
    const answer = answerOf(gathered, 'bodacc', bodacc);
    gathered.proceedings = answer?.proceedings ?? [];
    gathered.notices.push(...(answer?.issues ?? []));
  }
  // A score provider is optional (a file or a person may give the score): its absence is
  // no notice.
  if (scores !== undefined) {
    gathered.provided = answerOf(gathered, 'scores', scores);
  }
  return gathered;
}

/** The entered company as a record of the register's shape, for `siren` on `today`. */
function enteredRecord(siren: string, entered: EnteredCompany, today: CalendarDate): CompanyRecord {
  const legalFormCode = entered.legalFormCode ?? null;
  return {
    siren,
    name: entered.name ?? null,
    state: entered.state,
    ceasedOn: entered.state === 'ceased' ? (entered.ceasedOn ?? null) : null,
    legalFormCode,
    legalFormLabel: legalFormCode === null ? null : legalFormLabel(legalFormCode),
    createdOn: entered.createdOn ?? null,
    activityCode: entered.activityCode ?? null,
    headcountBand: entered.headcountBand ?? null,
    isPartiallyDiffusible: false,
    source: 'manual',
    asOf: today,
  };
}

/** The problems of the entries, every one at once (zod checks them at the edges too). */
function checkEntries(input: ScreenInput): { score?: RiskScore; issues: Issue[] } {
  const issues: Issue[] = [];
  let score: RiskScore | undefined;
  if (input.score !== undefined) {
    if (input.score.source.trim() === '') {
      issues.push(fieldIssue('score.source', 'required', { field: 'score.source' }));
    }
    const read = riskScore(input.score.source.trim(), input.score.raw, input.score.scale);
    if (read.ok) {
      score = read.score;
    } else {
      issues.push(...read.issues.map((issue) => ({ ...issue, field: `score.${issue.field}` })));
    }
  }
  const { incidents } = input;
  if (incidents !== undefined) {
    if (!Number.isSafeInteger(incidents.count) || incidents.count < 0) {
      const params = { field: 'incidents.count', value: String(incidents.count) };
      issues.push(fieldIssue('incidents.count', 'incident_count_invalid', params));
    }
    if (!Number.isSafeInteger(incidents.amountCents) || incidents.amountCents < 0) {
      const params = { field: 'incidents.amountCents', value: String(incidents.amountCents) };
      issues.push(fieldIssue('incidents.amountCents', 'incident_amount_invalid', params));
    }
  }
  return score === undefined ? { issues } : { score, issues };
}

/**
 * Screens a customer's solvency and stores the screen. It judges, in this order of
 * precedence: what a person entered (company record, incidents, score), what the
 * configured sources answer when `lookup` is asked (Sirene, BODACC, the score provider),
 * and the latest score stored for the SIREN (a bureau file, an earlier entry or answer).
 * An entered or provided score is stored as received, for the next screens.
 *
 * `recommend` decides with the default policy (`DEFAULT_SCREENING_POLICY`), stored with the
 * screen. A source not configured or failing is a notice and a `sources` entry; the screen
 * still stands on the rest. Refused (400 `screening_refused`) for a customer without a
 * SIREN or a score that cannot be read; 404 for a customer not the company's. Records
 * `credit.screened`.
 */
export async function screenCustomer(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
  input: ScreenInput,
  sources: ScreeningSources,
): Promise<SolvencyScreen> {
  requirePermission(ctx, 'credit:decide');
  const company = await creditCompany(deps, ctx);
  const customer = await getCustomer(deps, ctx, customerId);
  const today = deps.clock.today(company.timeZone);
  const entries = checkEntries(input);
  const siren = normalizeSiren(customer.siren ?? '');
  if (siren === '') {
    entries.issues.unshift(fieldIssue('siren', 'screening_siren_missing'));
  }
  if (entries.issues.length > 0) {
    throw new InvalidError('screening_refused', {}, entries.issues);
  }
  // An invalid SIREN is not asked about: `recommend` says so (invalid_siren, a no-go).
  const gathered =
    input.lookup === true && isValidSiren(siren)
      ? await askSources(sources, siren, today, {
          sirene: input.company !== undefined,
          scores: input.score !== undefined,
        })
      : { proceedings: [], sources: [], notices: [] };
  const companyRecord =
    input.company === undefined ? gathered.company : enteredRecord(siren, input.company, today);
  const now = deps.clock.now();
  const screen = await inTransaction(deps.db, async (tx) => {
    const received: { score: RiskScore; origin: 'manual' | 'provider' } | undefined =
      entries.score !== undefined
        ? { score: entries.score, origin: 'manual' }
        : gathered.provided?.score
          ? { score: gathered.provided.score, origin: 'provider' }
          : undefined;
    const receivedIncidents =
      input.incidents === undefined
        ? (gathered.provided?.incidents ?? null)
        : { ...input.incidents, lastOn: input.incidents.lastOn ?? null };
    if (received !== undefined && isValidSiren(siren)) {
      const stored = {
        siren,
        score: received.score,
        incidents: receivedIncidents,
        assessedOn: today,
      };
      await saveRiskScores(
        tx,
        ctx.companyId,
        [stored],
        { origin: received.origin, fileName: null },
        now,
      );
    }
    const latest =
      received === undefined ? await findLatestRiskScore(tx, ctx.companyId, siren) : undefined;
    const score: JudgedScore | null =
      received === undefined
        ? latest === undefined
          ? null
          : { ...latest.score, assessedOn: latest.assessedOn, origin: latest.origin }
        : { ...received.score, assessedOn: today, origin: received.origin };
    const incidents = receivedIncidents ?? latest?.incidents ?? null;
    const siret = customer.siret === null ? null : normalizeSiret(customer.siret);
    const recommendation = recommend(
      {
        identity: { siren, siret: siret ?? undefined },
        company: companyRecord,
        proceedings: gathered.proceedings,
        incidents: incidents ?? undefined,
        score: score ?? undefined,
        asOf: today,
        isProceedingsChecked:
          input.isProceedingsChecked === true ||
          gathered.sources.some(
            (entry) => entry.source === 'bodacc' && entry.outcome === 'answered',
          ),
      },
      DEFAULT_SCREENING_POLICY,
    );
    const stored: SolvencyScreen = {
      id: deps.ids.newId(),
      customerId: customer.id,
      siren,
      siret,
      screenedOn: today,
      screenedAt: now,
      // A user's id (not a token's, nor the CLI's operator), as credit decisions keep it.
      screenedBy: { id: ctx.actor.type === 'user' ? ctx.actor.id : null, name: ctx.actor.name },
      verdict: recommendation.verdict,
      depositBps: recommendation.depositBps,
      reasons: recommendation.reasons,
      policy: DEFAULT_SCREENING_POLICY,
      company: companyRecord ?? null,
      proceedings: gathered.proceedings,
      incidents,
      score,
      sources: gathered.sources,
      notices: gathered.notices,
    };
    await insertScreen(tx, ctx.companyId, stored);
    await recordEvents(tx, ctx, [
      {
        action: 'credit.screened',
        entityType: 'solvency_screen',
        entityId: stored.id,
        customerId: customer.id,
        data: {
          siren,
          verdict: stored.verdict,
          depositBps: stored.depositBps,
          reasons: stored.reasons.map((reason) => reason.code),
          sources: stored.sources,
        },
      },
    ]);
    return stored;
  });
  return screen;
}

/** A customer's screens, newest first (404 for a customer not the company's). */
export async function listScreens(
  deps: Deps,
  ctx: Ctx,
  customerId: string,
): Promise<SolvencyScreen[]> {
  requirePermission(ctx, 'customers:read');
  await requireCustomer(deps, ctx, customerId);
  return listScreenRows(deps.db, ctx.companyId, customerId, SCREENS_LISTED);
}

/**
 * What `importRiskScores` did, or (`dryRun`) would do: the lines read, the scores added,
 * changed (a corrected assessment) and already known, and every line's problem.
 */
export type RiskScoreImport = {
  file: string;
  dryRun: boolean;
  committed: boolean;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  errors: Issue[];
};

/** The text of a bureau file: UTF-8 (a BOM allowed), with nothing PostgreSQL cannot store. */
function decodeBureauFile(
  bytes: Uint8Array,
  fileName: string,
): { text: string } | { issue: Issue } {
  const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The lenient decoding puts U+FFFD where the first bad byte was: its line is the one.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const line = lineAt(lenient, Math.max(0, lenient.indexOf('\uFFFD')));
    return { issue: fieldIssue('file', 'bureau_file_not_utf8', { file: fileName, line }, line) };
  }
  const unstorable = findUnstorableCharacter(text);
  if (unstorable !== undefined) {
    const line = lineAt(text, unstorable.index);
    const params = { file: fileName, codePoint: unstorable.codePoint, line };
    return { issue: fieldIssue('file', 'bureau_file_unstorable', params, line) };
  }
  return { text };
}

const scoreKey = (siren: string, source: string, assessedOn: string) =>
  `${siren}\u0000${source}\u0000${assessedOn}`;

/** Whether a stored score says the same as a file's line (same key). */
function isSameScore(stored: StoredRiskScore, row: BureauRow): boolean {
  return (
    stored.score.raw === row.score.raw &&
    stored.score.scale === row.score.scale &&
    stored.score.normalized === row.score.normalized &&
    (stored.incidents?.count ?? null) === (row.incidents?.count ?? null) &&
    (stored.incidents?.amountCents ?? null) === (row.incidents?.amountCents ?? null)
  );
}

/**
 * Imports a credit insurer's or bureau's score file (docs/screening.md « The bureau file »):
 * all or nothing. A file with any problem (of the file, or of one line, each reported
 * with its line number) is refused, 400 `import_refused`, nothing stored; `dryRun` reports
 * the same without refusing or storing. One score per SIREN, source and day assessed: the
 * same file again adds and changes nothing. Records `import.completed` when it stored any.
 */
export async function importRiskScores(
  deps: Deps,
  ctx: Ctx,
  bytes: Uint8Array,
  fileName: string,
  options: { dryRun?: boolean | undefined } = {},
): Promise<RiskScoreImport> {
  requirePermission(ctx, 'imports:run');
  const dryRun = options.dryRun === true;
  const decoded = decodeBureauFile(bytes, fileName);
  const parsed =
    'issue' in decoded
      ? { rows: [], errors: [decoded.issue] }
      : parseBureauFile(decoded.text, fileName);
  /** The report of the file's rows against what `q` has stored, and the rows to store. */
  const compare = async (q: Queryable) => {
    const stored = await listRiskScoresOf(
      q,
      ctx.companyId,
      parsed.rows.map((row) => row.siren),
    );
    const known = new Map(
      stored.map((score) => [scoreKey(score.siren, score.score.source, score.assessedOn), score]),
    );
    const changed: BureauRow[] = [];
    let inserted = 0;
    for (const row of parsed.rows) {
      const found = known.get(scoreKey(row.siren, row.score.source, row.assessedOn));
      if (found === undefined) {
        inserted += 1;
      }
      if (found === undefined || !isSameScore(found, row)) {
        changed.push(row);
      }
    }
    const report: RiskScoreImport = {
      file: fileName,
      dryRun,
      committed: false,
      rows: parsed.rows.length,
      inserted,
      updated: changed.length - inserted,
      unchanged: parsed.rows.length - changed.length,
      errors: parsed.errors,
    };
    return { report, changed };
  };
  if (dryRun) {
    return (await compare(deps.db)).report;
  }
  if (parsed.errors.length > 0) {
    throw new InvalidError('import_refused', { file: fileName }, parsed.errors);
  }
  const now = deps.clock.now();
  const report = await inTransaction(deps.db, async (tx) => {
    const { report: counted, changed } = await compare(tx);
    if (changed.length === 0) {
      return counted;
    }
    await saveRiskScores(tx, ctx.companyId, changed, { origin: 'file', fileName }, now);
    await recordEvents(tx, ctx, [
      {
        action: 'import.completed',
        entityType: 'company',
        entityId: ctx.companyId,
        customerId: null,
        data: {
          kind: 'risk_scores',
          file: fileName,
          rows: counted.rows,
          inserted: counted.inserted,
          updated: counted.updated,
          unchanged: counted.unchanged,
        },
      },
    ]);
    return counted;
  });
  return { ...report, committed: true };
}
