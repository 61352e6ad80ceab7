import type { payersEn } from './payers.en.ts';

/** Ce que disent les profils payeurs, en français, par code stable (`payers.en.ts`). */
export const payersFr: Record<keyof typeof payersEn, string> = {
  payer_thresholds_not_numbers:
    'Donnez les seuils en jours séparés par des virgules, pour les catégories A, B et C, comme 5,15,30',
  payer_limit_out_of_range: 'Donnez de 1 à {{max}} lignes',
  payer_customers_too_many: 'Demandez au plus {{max}} clients\u00a0: {{given}} donnés',
  payer_cli_help:
    'Les profils payeurs\u00a0: retard moyen pondéré, part payée à l’heure, catégorie A–D, tendance sur 6 mois',
  payer_cli_as_of:
    'le jour où les profils sont arrêtés, AAAA-MM-JJ (par défaut\u00a0: aujourd’hui)',
  payer_cli_currency: 'seulement cette devise',
  payer_cli_category: 'seulement les clients de cette catégorie (A, B, C ou D)',
  payer_cli_thresholds: 'les bornes hautes des catégories A, B et C, en jours (5,15,30 par défaut)',
  payer_cli_limit: 'le plus de lignes affichées (100 par défaut, 1 000 au plus)',
  payer_cli_customer: 'le profil d’un seul client (son code)',
  payer_title: 'Profils payeurs au {{date, day}}, sur 12 mois depuis le {{from, day}}',
  payer_thresholds_line:
    'Catégories\u00a0: A jusqu’à {{a}} jours de retard, B jusqu’à {{b}}, C jusqu’à {{c}}, D au-delà',
  payer_counts_line:
    '{{currency}}\u00a0: A {{A, number}} · B {{B, number}} · C {{C, number}} · D {{D, number}} · sans historique {{none, number}}',
  payer_column_code: 'Code client',
  payer_column_name: 'Nom',
  payer_column_currency: 'Devise',
  payer_column_days_late: 'Retard pondéré',
  payer_column_on_time_amount: 'À l’heure, en montant',
  payer_column_on_time_count: 'À l’heure, en nombre',
  payer_column_category: 'Catégorie',
  payer_column_trend: 'Tendance sur 6 mois',
  payer_days: '{{days}}\u00a0j',
  payer_share: '{{share}}\u00a0%',
  payer_nothing: 'Aucune facture payée ou échue sur ces 12 mois.',
  payer_rows_shown_one: '{{count}} ligne affichée sur {{total, number}}',
  payer_rows_shown_other: '{{count}} lignes affichées sur {{total, number}}',
};
