import type { screeningCliHelpEn, screeningCliOutputEn, screeningEn } from './screening.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `screening.en.ts`). */
export const screeningFr = {
  company_ceased: 'L’entreprise a cessé son activité le {{ceasedOn, day}} (répertoire Sirene)',
  company_ceased_undated: 'L’entreprise a cessé son activité (répertoire Sirene)',
  proceeding_liquidation: 'En liquidation judiciaire : {{label}} ({{court}}, {{date, day}})',
  proceeding_receivership:
    'En redressement judiciaire : {{label}} ({{court}}, {{date, day}}) ; pas de crédit, quel que soit le score',
  proceeding_safeguard: 'En sauvegarde : {{label}} ({{court}}, {{date, day}})',
  proceeding_plan: 'Poursuit son activité sous plan : {{label}} ({{court}}, {{date, day}})',
  proceeding_unclassified:
    'Une annonce du BODACC à lire avant d’accorder du crédit : {{label}} ({{court}}, {{date, day}})',
  proceeding_ended: 'Procédures passées closes : {{label}} ({{court}}, {{date, day}})',
  young_company:
    'Créée le {{createdOn, day}}, il y a moins de {{months}} mois : trop jeune pour être jugée sur son historique',
  payment_incidents_one:
    '{{count}} incident de paiement, {{amount, money}} au total (plus de {{limit}} tolérés)',
  payment_incidents_other:
    '{{count}} incidents de paiement, {{amount, money}} au total (plus de {{limit}} tolérés)',
  payment_incidents_no_go_one:
    '{{count}} incident de paiement, {{amount, money}} au total : à partir de {{limit}}, pas de crédit',
  payment_incidents_no_go_other:
    '{{count}} incidents de paiement, {{amount, money}} au total : à partir de {{limit}}, pas de crédit',
  score_below_deposit_threshold:
    'Score {{score}}/100 ({{source}} : {{raw}}), sous {{threshold}} : pas de crédit',
  score_below_go_threshold:
    'Score {{score}}/100 ({{source}} : {{raw}}), sous {{threshold}} : un acompte ou un paiement d’avance d’abord',
  score_sufficient: 'Score {{score}}/100 ({{source}} : {{raw}}), au moins {{threshold}}',
  score_unrated: '{{source}} ne donne pas de cote ({{raw}}) : le score ne dit rien',
  proceedings_unchecked:
    'Le BODACC n’a pas été consulté : une procédure collective ouverte ne peut pas être exclue',
  no_information:
    'Rien n’est connu de l’entreprise (ni fiche du répertoire, ni score) : un acompte ou un paiement d’avance d’abord',
  no_score: 'Pas de score : jugée sur le seul répertoire',
  no_company_record: 'Pas de fiche du répertoire : jugée sur le seul score',
  score_not_a_number: 'Le score « {{value}} » n’est pas un nombre sur l’échelle {{scale}}',
  score_out_of_scale: 'Le score « {{value}} » est hors de l’échelle {{scale}}',
  score_scale_unknown: 'L’échelle « {{value}} » n’est pas l’une de : {{choices}}',
  screening_policy_score_out_of_range: '{{field}} doit être un nombre entier de 0 à 100',
  screening_policy_deposit_above_go:
    'Le seuil de l’acompte ({{depositMinScore}}) dépasse le seuil de l’accord ({{goMinScore}})',
  screening_policy_not_whole: '{{field}} doit être un nombre entier, 0 ou plus',
  screening_policy_incidents_order:
    'Les incidents qui refusent le crédit ({{incidentsNoGo}}) doivent être plus nombreux que ceux tolérés ({{maxIncidents}})',
  screening_policy_deposit_bps_out_of_range:
    'L’acompte doit être un nombre entier de points de base, de 1 à 10000',
  sirene_siren_unknown: 'Le répertoire Sirene ne connaît pas de SIREN {{siren}}',
  sirene_bad_answer: 'La réponse de Sirene n’est pas comprise en {{path}} : {{detail}}',
  bodacc_bad_answer: 'La réponse du BODACC n’est pas comprise en {{path}} : {{detail}}',
  bodacc_judgement_unreadable:
    'Annonce BODACC {{id}} : son jugement ne peut pas être lu ; elle est gardée comme procédure non classée',
  bodacc_judgement_date_unreadable:
    'Annonce BODACC {{id}} : la date de jugement « {{value}} » ne peut pas être lue ; sa date de parution est retenue',
  source_unreachable: '{{source}} ne répond pas : {{detail}}',
  source_unauthorized: '{{source}} refuse les identifiants (HTTP {{status}})',
  source_rate_limited: '{{source}} demande d’attendre avant la prochaine requête ({{retryAfter}})',
  source_bad_answer:
    '{{source}} a donné une réponse qui n’est pas comprise (HTTP {{status}}) : {{detail}}',
  score_field_missing: 'La réponse de score n’a pas de champ « {{path}} » ({{field}})',
  bureau_column_missing: 'La colonne obligatoire « {{column}} » manque',
  incident_count_invalid: '{{field}} « {{value}} » n’est pas un nombre entier d’incidents',
  incident_amount_invalid:
    '{{field}} « {{value}} » n’est pas un montant en euros (par ex. 1234,56)',
  screening_refused: 'L’analyse de solvabilité ne peut pas être faite',
  screening_siren_missing:
    'Le client n’a pas de SIREN : saisissez-le sur sa fiche avant d’analyser sa solvabilité',
  screening_source_not_configured:
    '{{source}} n’est pas configuré ({{setting}}) : il n’a pas été interrogé',
  screening_setting_invalid: '{{setting}} n’est pas valide : {{detail}}',
  bureau_file_not_utf8:
    '« {{file}} » n’est pas un texte UTF-8 (ligne {{line}}) : enregistrez-le en « CSV UTF-8 » et importez-le de nouveau',
  bureau_file_unstorable:
    '« {{file}} » contient un caractère qu’aucun texte ne contient ({{codePoint}}) ligne {{line}} : le fichier est abîmé',
} as const satisfies ShapeOf<typeof screeningEn>;

/** `encaisse credit screen` and `import-scores` in French. */
export const screeningCliHelpFr = {
  creditScreen:
    'Analyser la solvabilité d’un client : accord, accord avec acompte ou refus, avec ses raisons. Sortie 0 accord, 11 accord avec acompte, 12 refus',
  creditScreenBodaccChecked:
    'vous avez consulté le BODACC sans trouver de procédure ouverte (sans cela, et sans réponse de --lookup, un acompte au mieux)',
  creditScreenScore: 'un score de risque à juger, sur --scale (par ex. 72)',
  creditScreenScale: 'l’échelle du score : 0-100, 1-20, 1-10 ou bdf (0-100 par défaut)',
  creditScreenSource: 'qui a donné le score (par défaut : manual)',
  creditScreenLookup: 'interroger Sirene, le BODACC et le fournisseur de score configurés',
  creditImportScores:
    'Importer le fichier de scores d’un assureur-crédit ou d’un bureau (CSV), voir docs/screening.md « The bureau file »',
  creditImportScoresFile: 'le fichier CSV à lire',
} as const satisfies ShapeOf<typeof screeningCliHelpEn>;

/** What they print, in French. */
export const screeningCliOutputFr = {
  screeningGo: '{{customer}} ({{siren}}) : accord.',
  screeningGoWithDeposit:
    '{{customer}} ({{siren}}) : accord avec un acompte ou un paiement d’avance de {{deposit}} de la commande.',
  screeningNoGo: '{{customer}} ({{siren}}) : refus.',
  riskScoresImported:
    '{{file}} : lignes lues {{rows}} ; scores ajoutés {{inserted}}, modifiés {{updated}}, déjà connus {{unchanged}}.',
  riskScoresDryRun:
    '{{file}} (essai, rien d’enregistré) : lignes lues {{rows}} ; scores à ajouter {{inserted}}, à modifier {{updated}}, déjà connus {{unchanged}}.',
  riskScoresLineError: '  ligne {{line}} : {{message}}',
} as const satisfies ShapeOf<typeof screeningCliOutputEn>;
