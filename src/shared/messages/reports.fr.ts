import type { reportsEn } from './reports.en.ts';

/** Ce que disent les rapports, en français, par code stable (`reports.en.ts`). */
export const reportsFr: Record<keyof typeof reportsEn, string> = {
  report_invalid: 'Ce rapport ne peut pas être établi ainsi\u00a0: voyez chaque point',
  aging_buckets_empty: 'Donnez au moins une borne de tranche, en jours',
  aging_buckets_not_numbers:
    'Donnez les bornes de tranche en jours séparés par des virgules, comme 30,60,90',
  aging_bucket_not_integer: 'Une borne de tranche est un nombre entier de jours\u00a0: {{bound}}',
  aging_bucket_not_positive: 'Une borne de tranche est d’au moins 1 jour\u00a0: {{bound}}',
  aging_buckets_not_increasing:
    'Chaque borne de tranche doit dépasser la précédente\u00a0: {{bound}} après {{previous}}',
  payer_thresholds_count: 'Donnez 3 seuils, pour les catégories A, B et C\u00a0: {{given}} donnés',
  payer_threshold_not_integer:
    'Un seuil est un nombre entier de jours, 0 ou plus\u00a0: {{threshold}}',
  payer_thresholds_not_increasing:
    'Chaque seuil doit dépasser le précédent\u00a0: {{threshold}} après {{previous}}',
  report_as_of_in_future:
    'Le rapport ne peut pas être arrêté au {{date, day}}\u00a0: c’est après aujourd’hui ({{today, day}})',
  report_as_of_before_first_document:
    'Le rapport ne peut pas être arrêté au {{date, day}}\u00a0: la première facture date du {{first, day}}',
  report_currency_unused: 'La société n’a aucune facture en {{currency}}',
  report_months_out_of_range: 'Donnez de 1 à {{max}} mois',
  aged_balance_title: 'Balance âgée au {{date, day}}',
  aged_balance_sheet: 'Balance âgée',
  aged_balance_by_customer: 'Par client',
  aged_balance_by_collector: 'Par chargé de recouvrement',
  aged_balance_by_category: 'Par catégorie de risque',
  aged_balance_column_as_of: 'Arrêtée au',
  aged_balance_column_code: 'Code client',
  aged_balance_column_customer: 'Client',
  aged_balance_column_collector: 'Chargé de recouvrement',
  aged_balance_column_category: 'Catégorie de risque',
  aged_balance_column_currency: 'Devise',
  aged_balance_bucket_not_due: 'Non échu',
  aged_balance_bucket_range: '{{from}}–{{to}} j',
  aged_balance_bucket_over: 'Plus de {{after}} j',
  aged_balance_column_invoices_open: 'Factures ouvertes',
  aged_balance_column_overdue: 'Échu',
  aged_balance_column_credit_notes: 'Avoirs non imputés',
  aged_balance_column_unapplied_cash: 'Paiements non affectés',
  aged_balance_column_net: 'Encours net',
  aged_balance_no_collector: 'Sans chargé de recouvrement',
  aged_balance_nothing_open: 'Rien d’ouvert à cette date.',
  aged_balance_rows_shown_one:
    '{{count}} ligne affichée sur {{total}}\u00a0; les totaux les couvrent toutes.',
  aged_balance_rows_shown_other:
    '{{count}} lignes affichées sur {{total}}\u00a0; les totaux les couvrent toutes.',
  report_page: 'Page {{page}} sur {{pages}}',
  aged_balance_cli_report:
    'Rapports\u00a0: balance âgée, DSO, profils payeurs, prévision d’encaissements, Pareto, activité des chargés',
  aged_balance_cli_help:
    'La balance âgée\u00a0: factures ouvertes par retard, avoirs et paiements non affectés, par client, chargé de recouvrement ou catégorie de risque et par devise',
  aged_balance_cli_as_of:
    'le jour où la balance est arrêtée, AAAA-MM-JJ (par défaut\u00a0: aujourd’hui)',
  aged_balance_cli_by: 'une ligne par client, chargé ou catégorie (par défaut\u00a0: client)',
  aged_balance_cli_buckets:
    'bornes hautes des tranches de retard sauf la dernière, en jours, croissantes (par défaut\u00a0: 30,60,90)',
  aged_balance_cli_currency: 'cette devise seulement (ISO 4217)',
  aged_balance_cli_sort: 'open (par défaut), overdue ou name',
  aged_balance_cli_limit:
    'au plus ce nombre de lignes dans le tableau ou le JSON (par défaut\u00a0: toutes)',
  aged_balance_cli_csv: 'imprimer toutes les lignes en CSV',
  aged_balance_cli_xlsx: 'écrire toutes les lignes et les totaux dans ce classeur Excel',
  aged_balance_cli_pdf: 'écrire toutes les lignes et les totaux dans ce PDF (A4 paysage)',
  aged_balance_cli_one_format: 'Choisissez une seule sortie\u00a0: --json, --csv, --xlsx ou --pdf',
  aged_balance_cli_written: 'Écrit\u00a0: {{path}} ({{count}} lignes)',
  dso_cli_help:
    'L’historique du DSO\u00a0: DSO par épuisement, DSO simple, BPDSO, retard moyen et taux de recouvrement à chaque fin de mois',
  dso_cli_as_of:
    'le jour de l’historique, AAAA-MM-JJ (par défaut\u00a0: aujourd’hui)\u00a0; il s’arrête à la dernière fin de mois avant',
  dso_cli_months: 'combien de fins de mois, de 1 à 60 (24 par défaut)',
  dso_cli_currency: 'seulement cette devise',
  dso_cli_customer:
    'l’historique d’un client, par son code (par défaut\u00a0: tout le portefeuille)',
  dso_title: 'DSO en {{currency}}, fins de mois jusqu’au {{date, day}}',
  dso_column_month_end: 'Fin de mois',
  dso_column_dso: 'DSO (jours)',
  dso_column_simple: 'DSO simple',
  dso_column_bpdso: 'DSO incompressible',
  dso_column_add: 'Retard moyen (jours)',
  dso_column_cei: 'Taux de recouvrement (%)',
  dso_column_sales: 'CA TTC',
  dso_column_receivables: 'Créances',
  dso_not_exhausted: '{{days}}+ (non épuisé)',
  dso_column_not_due: 'Non échu',
  dso_column_note: 'Remarque',
  dso_floor_note: 'Au moins ({{figures}})\u00a0: les créances dépassent les mois lus',
  dso_sheet: 'DSO',
  dso_history_title: 'Historique du DSO, fins de mois jusqu’au {{date, day}}',
  dso_portfolio: 'Tout le portefeuille',
  dso_of_customer: 'Client {{code}} — {{name}}',
  dso_cli_csv: 'imprimer toutes les fins de mois en CSV',
  dso_cli_xlsx: 'écrire toutes les fins de mois dans ce classeur Excel',
  dso_cli_pdf: 'écrire toutes les fins de mois dans ce PDF (A4 paysage)',
  dso_cli_written: 'Écrit\u00a0: {{path}} ({{count}} fins de mois)',
  dso_nothing: 'Aucune facture sur ces mois.',
};
