/**
 * What the solvency screen says, in English, by stable code (merged into the catalogue's
 * `codes`): the reasons of a recommendation (src/credit/screening/model.ts `recommend`),
 * the issues of its sources and files, and the refusals of its use cases; then the words
 * of `encaisse credit screen` and `encaisse credit import-scores`. `screening.fr.ts` has
 * the same keys. docs/screening.md has the rules.
 */
export const screeningEn = {
  // The reasons of a recommendation (`invalid_siren`, `invalid_siret`, `siret_siren_mismatch`
  // are the catalogue's own, shared with the customers' checks).
  company_ceased: 'The company ceased on {{ceasedOn, day}} (Sirene register)',
  company_ceased_undated: 'The company has ceased (Sirene register)',
  proceeding_liquidation: 'In judicial liquidation: {{label}} ({{court}}, {{date, day}})',
  proceeding_receivership:
    'In receivership: {{label}} ({{court}}, {{date, day}}); no credit whatever the score',
  proceeding_safeguard: 'In safeguard: {{label}} ({{court}}, {{date, day}})',
  proceeding_plan: 'Continuing under a plan: {{label}} ({{court}}, {{date, day}})',
  proceeding_unclassified:
    'A BODACC notice to read before giving credit: {{label}} ({{court}}, {{date, day}})',
  proceeding_ended: 'Past proceedings ended: {{label}} ({{court}}, {{date, day}})',
  young_company:
    'Created on {{createdOn, day}}, less than {{months}} months ago: too young to be judged on its history',
  payment_incidents_one:
    '{{count}} payment incident, {{amount, money}} in all (more than {{limit}} tolerated)',
  payment_incidents_other:
    '{{count}} payment incidents, {{amount, money}} in all (more than {{limit}} tolerated)',
  payment_incidents_no_go_one:
    '{{count}} payment incident, {{amount, money}} in all: from {{limit}}, no credit',
  payment_incidents_no_go_other:
    '{{count}} payment incidents, {{amount, money}} in all: from {{limit}}, no credit',
  score_below_deposit_threshold:
    'Score {{score}}/100 ({{source}}: {{raw}}), below {{threshold}}: no credit',
  score_below_go_threshold:
    'Score {{score}}/100 ({{source}}: {{raw}}), below {{threshold}}: a deposit or prepayment first',
  score_sufficient: 'Score {{score}}/100 ({{source}}: {{raw}}), at least {{threshold}}',
  score_unrated: '{{source}} gives no grade ({{raw}}): the score says nothing either way',
  proceedings_unchecked: 'The BODACC was not read: an open proceeding cannot be ruled out',
  no_information:
    'Nothing is known of the company (no register record, no score): a deposit or prepayment first',
  no_score: 'No score: judged on the register alone',
  no_company_record: 'No register record: judged on the score alone',
  // Scores, policies, sources and bureau files.
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
  // The use cases (src/credit/screening-service.ts, screening-sources.ts).
  screening_refused: 'The solvency screen cannot be run',
  screening_siren_missing: 'The customer has no SIREN: enter it on its record before screening it',
  screening_source_not_configured: '{{source}} is not configured ({{setting}}): it was not asked',
  screening_setting_invalid: '{{setting}} is not valid: {{detail}}',
  bureau_file_not_utf8:
    '"{{file}}" is not UTF-8 text (line {{line}}): save it as "CSV UTF-8" and import it again',
  bureau_file_unstorable:
    '"{{file}}" holds a character no text holds ({{codePoint}}) on line {{line}}: the file is damaged',
} as const;

/** The words of `encaisse credit screen` and `import-scores` (merged into `cliHelp`). */
export const screeningCliHelpEn = {
  creditScreen:
    'Screen a customer’s solvency: go, go with deposit or no-go, with its reasons. Exit 0 go, 11 go with deposit, 12 no-go',
  creditScreenBodaccChecked:
    'you read the BODACC and found no open proceeding (without it, and without --lookup answering, a deposit at best)',
  creditScreenScore: 'a risk score to judge, on --scale (e.g. 72)',
  creditScreenScale: 'the score’s scale: 0-100, 1-20, 1-10 or bdf (default 0-100)',
  creditScreenSource: 'who gave the score (default: manual)',
  creditScreenLookup: 'ask the configured Sirene, BODACC and score provider',
  creditImportScores:
    'Import a credit insurer’s or bureau’s score file (CSV), see docs/screening.md « The bureau file »',
  creditImportScoresFile: 'the CSV file to read',
} as const;

/** What `encaisse credit screen` and `import-scores` print (merged into `cliOutput`). */
export const screeningCliOutputEn = {
  screeningGo: '{{customer}} ({{siren}}): go.',
  screeningGoWithDeposit:
    '{{customer}} ({{siren}}): go with a deposit or prepayment of {{deposit}} of the order.',
  screeningNoGo: '{{customer}} ({{siren}}): no-go.',
  riskScoresImported:
    '{{file}}: lines read {{rows}}; scores added {{inserted}}, changed {{updated}}, already known {{unchanged}}.',
  riskScoresDryRun:
    '{{file}} (dry run, nothing saved): lines read {{rows}}; scores to add {{inserted}}, to change {{updated}}, already known {{unchanged}}.',
  riskScoresLineError: '  line {{line}}: {{message}}',
} as const;
