/**
 * The issues of the solvency screen (issue 12) whose codes the message catalogue does not
 * have yet. `fieldIssue` only takes catalogue codes, so these are built here with their
 * English sentence; `issueMessage` says them in the reader's language once the catalogue
 * has them (it looks the code up first, and falls back on `message`).
 *
 * Pure (HOUSE_STYLE §3).
 */
import type { Issue } from '../../shared/errors.ts';
import type { MessageParams } from '../../shared/messages/catalogue.ts';

/** The English sentence of each code, with `{{param}}` placeholders as i18next writes them. */
const ENGLISH = {
  score_not_a_number: 'Score "{{value}}" is not a number on the {{scale}} scale',
  score_out_of_scale: 'Score "{{value}}" is outside the {{scale}} scale',
  score_scale_unknown: 'Scale "{{value}}" is not one of: {{choices}}',
  screening_policy_score_out_of_range: '{{field}} must be a whole number from 0 to 100',
  screening_policy_deposit_above_go:
    'The deposit threshold ({{depositMinScore}}) is above the go threshold ({{goMinScore}})',
  screening_policy_not_whole: '{{field}} must be a whole number, 0 or more',
  screening_policy_incidents_order:
    'The incidents that refuse credit ({{incidentsNoGo}}) must be more than those tolerated ({{maxIncidents}})',
  screening_policy_deposit_bps_out_of_range:
    'The deposit must be a whole number of basis points from 1 to 10000',
  sirene_siren_unknown: 'The Sirene register knows no SIREN {{siren}}',
  sirene_bad_answer: 'The Sirene answer is not understood at {{path}}: {{detail}}',
  bodacc_bad_answer: 'The BODACC answer is not understood at {{path}}: {{detail}}',
  bodacc_judgement_unreadable:
    'BODACC notice {{id}}: its judgement cannot be read; it is kept as an unclassified proceeding',
  bodacc_judgement_date_unreadable:
    'BODACC notice {{id}}: judgement date "{{value}}" cannot be read; its publication date is used',
  source_unreachable: '{{source}} cannot be reached: {{detail}}',
  source_unauthorized: '{{source}} refused the credentials (HTTP {{status}})',
  source_rate_limited: '{{source}} asks to wait before the next request ({{retryAfter}})',
  source_bad_answer:
    '{{source}} gave an answer that is not understood (HTTP {{status}}): {{detail}}',
  score_field_missing: 'The score answer has no field "{{path}}" ({{field}})',
  bureau_column_missing: 'Required column "{{column}}" is missing',
  incident_count_invalid: '{{field}} "{{value}}" is not a whole number of incidents',
  incident_amount_invalid: '{{field}} "{{value}}" is not an amount in euros (e.g. 1234,56)',
} as const;

/** A code of the screen's own issues. */
export type ScreeningIssueCode = keyof typeof ENGLISH;

/** `{{name}}` replaced by `params.name` (the placeholder kept when there is none). */
function interpolate(sentence: string, params: MessageParams): string {
  return sentence.replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** An issue of the screen, with its params and English sentence (and its line, for files). */
export function screeningIssue(
  field: string,
  code: ScreeningIssueCode,
  params: MessageParams = {},
  line?: number,
): Issue {
  return {
    field,
    code,
    message: interpolate(ENGLISH[code], params),
    params,
    ...(line === undefined ? {} : { line }),
  };
}
