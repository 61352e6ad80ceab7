import type { insightsEn } from './insights.en.ts';

/** Ce que disent le Pareto, l’activité des chargés et le détail de la balance âgée (`insights.en.ts`). */
export const insightsFr: Record<keyof typeof insightsEn, string> = {
  aged_balance_cell_out_of_range:
    'Donnez une tranche de 0 (non échu) à {{last}}, ou credit_notes, ou unapplied_cash',
  aged_balance_cell_unknown:
    'Donnez la cellule par l’indice d’une tranche (0\u00a0: non échu), credit_notes ou unapplied_cash',
  aged_balance_cell_one_row:
    'Donnez une ligne au plus\u00a0: un client, un chargé de recouvrement ou une catégorie',
  pareto_share_out_of_range: 'La part est un pourcentage entier de 1 à 100\u00a0: {{share}}',
  collector_activity_from_after_to:
    'La période commence le {{from, day}}, après sa fin le {{to, day}}',
  collector_activity_too_many_weeks: 'Demandez {{max}} semaines au plus',
  pareto_cli_help: 'Les clients ou les factures qui portent 80\u00a0% de l’échu, par devise',
  pareto_cli_as_of: 'le jour où l’échu est arrêté, AAAA-MM-JJ (par défaut\u00a0: aujourd’hui)',
  pareto_cli_of: 'customers (clients, par défaut) ou invoices (factures)',
  pareto_cli_currency: 'cette devise seulement (ISO 4217)',
  pareto_cli_share: 'la part de l’échu à atteindre, en pourcentage (par défaut\u00a0: 80)',
  pareto_cli_limit: 'au plus ce nombre de lignes par devise (par défaut\u00a0: 100)',
  pareto_title: 'Pareto de l’échu au {{date, day}}, en {{currency}}',
  pareto_summary_one:
    '{{count}} ligne sur {{items}} porte {{covered}} des {{total}} échus ({{share}}\u00a0%).',
  pareto_summary_other:
    '{{count}} lignes sur {{items}} portent {{covered}} des {{total}} échus ({{share}}\u00a0%).',
  pareto_nothing: 'Rien d’échu à cette date.',
  pareto_column_invoice: 'Facture',
  pareto_column_due_on: 'Échéance',
  pareto_column_days_late: 'Jours de retard',
  pareto_column_cumulative: 'Part cumulée',
  pareto_lines_shown_one: '{{count}} ligne affichée sur {{total}}.',
  pareto_lines_shown_other: '{{count}} lignes affichées sur {{total}}.',
  collectors_cli_help:
    'Par chargé de recouvrement et par semaine ISO, l’activité\u00a0: contacts, appels, promesses prises et tenues, taux de promesses tenues',
  collectors_cli_from:
    'le premier jour, AAAA-MM-JJ, sa semaine comptée entière (par défaut\u00a0: il y a 12 semaines)',
  collectors_cli_to:
    'le dernier jour, AAAA-MM-JJ, sa semaine comptée entière (par défaut\u00a0: aujourd’hui)',
  collectors_title:
    'Activité des chargés de recouvrement, semaines du {{from, day}} au {{to, day}}',
  collectors_nothing: 'Aucune activité sur cette période.',
  collectors_nobody: 'Personne',
  collectors_whole_period: 'Toute la période',
  collectors_column_week: 'Semaine du',
  collectors_column_contacts: 'Contacts',
  collectors_column_messages: 'Messages envoyés',
  collectors_column_calls: 'Appels',
  collectors_column_reached: 'Joints',
  collectors_column_taken: 'Promesses prises',
  collectors_column_due: 'Promesses à échéance',
  collectors_column_kept: 'Tenues',
  collectors_column_rate_count: 'Taux tenu (nombre)',
  collectors_column_rate_amount: 'Taux tenu (montant)',
};
