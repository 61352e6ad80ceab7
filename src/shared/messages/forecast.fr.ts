/**
 * Ce que disent la prévision d'encaissements et son backtest, en français, par code stable
 * (fusionné dans les `codes` du catalogue). Mêmes clés que `forecast.en.ts`.
 */
import type { forecastEn } from './forecast.en.ts';

export const forecastFr: Record<keyof typeof forecastEn, string> = {
  backtest_to_in_future:
    'Le backtest ne peut pas aller jusqu’au {{date, day}}\u00a0: c’est après aujourd’hui ({{today, day}})',
  forecast_week_unknown:
    'Aucune semaine de la prévision ne commence le {{week, day}}\u00a0: donnez l’un de ses lundis, du {{first, day}} au {{last, day}}, ou later',
  backtest_to_not_after_from:
    'Le backtest va d’un jour à un jour suivant\u00a0: le {{to, day}} n’est pas après le {{from, day}}',
  forecast_cli_help:
    'La prévision d’encaissements\u00a0: ce que chacune des 13 prochaines semaines devrait encaisser, d’après la date de paiement prévue de chaque facture ouverte',
  forecast_cli_as_of: 'le jour de la prévision (par défaut aujourd’hui), en AAAA-MM-JJ',
  forecast_cli_currency: 'seulement cette devise',
  forecast_title: 'Prévision d’encaissements en {{currency}} au {{date, day}}',
  forecast_column_week: 'Semaine du',
  forecast_column_amount: 'Attendu',
  forecast_column_invoices: 'Factures',
  forecast_later: 'Plus tard',
  forecast_total: 'Total ouvert',
  forecast_overdue_promised:
    'Dont échu à ce jour\u00a0: {{overdue}}\u00a0; sous promesse en cours\u00a0: {{promised}}',
  forecast_model_one:
    'Appris de {{count}} facture payée depuis le {{from, day}} ({{customers}} clients)\u00a0; retard médian du portefeuille\u00a0: {{days}} jours après l’échéance',
  forecast_model_other:
    'Appris de {{count}} factures payées depuis le {{from, day}} ({{customers}} clients)\u00a0; retard médian du portefeuille\u00a0: {{days}} jours après l’échéance',
  forecast_nothing: 'Aucune facture ouverte ce jour-là.',
  backtest_cli_help:
    'Le backtest de la prévision\u00a0: prévue à une date passée, comparée à ce qui a été payé depuis, face à la référence «\u00a0payé à l’échéance\u00a0»',
  backtest_cli_from: 'le jour où la prévision est rejouée, en AAAA-MM-JJ',
  backtest_cli_to: 'le dernier jour des paiements comparés (au plus aujourd’hui), en AAAA-MM-JJ',
  backtest_cli_currency: 'seulement cette devise',
  backtest_title:
    'Backtest de la prévision faite le {{from, day}}, face aux paiements jusqu’au {{to, day}}',
  backtest_invoices_one:
    '{{count}} facture ouverte alors et payée depuis, {{unpaid}} encore impayées',
  backtest_invoices_other:
    '{{count}} factures ouvertes alors et payées depuis, {{unpaid}} encore impayées',
  backtest_column_method: 'Prévision',
  backtest_column_days: 'Erreur absolue moyenne (jours)',
  backtest_column_weekly: 'Erreur hebdomadaire {{currency}}',
  backtest_model: 'Modèle (historique du client)',
  backtest_baseline: 'Référence (échéance)',
  backtest_model_wins: 'Le modèle bat la référence.',
  backtest_baseline_wins: 'La référence bat le modèle.',
  backtest_tie: 'Le modèle et la référence font jeu égal.',
  backtest_nothing_paid:
    'Aucune facture ouverte alors n’a été payée depuis\u00a0: rien à comparer.',
};
