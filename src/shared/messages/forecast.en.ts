/**
 * What the cash forecast and its backtest say, in English, by stable code (merged into the
 * catalogue's `codes`). `forecast.fr.ts` has the same keys.
 */
export const forecastEn = {
  backtest_to_in_future:
    'The backtest cannot run to {{date, day}}: that is after today ({{today, day}})',
  forecast_week_unknown:
    'No week of the forecast starts on {{week, day}}: give one of its Mondays, {{first, day}} to {{last, day}}, or later',
  backtest_to_not_after_from:
    'The backtest runs from one day to a later one: {{to, day}} is not after {{from, day}}',
  forecast_cli_help:
    'The cash forecast: what each of the next 13 weeks should bring in, from each open invoice’s predicted payment date',
  forecast_cli_as_of: 'the day the forecast is made on (default: today), as YYYY-MM-DD',
  forecast_cli_currency: 'only this currency',
  forecast_title: 'Cash forecast in {{currency}} as of {{date, day}}',
  forecast_column_week: 'Week of',
  forecast_column_amount: 'Expected',
  forecast_column_invoices: 'Invoices',
  forecast_later: 'Later',
  forecast_total: 'Total open',
  forecast_overdue_promised:
    'Of which overdue today: {{overdue}}; under a live promise: {{promised}}',
  forecast_model_one:
    'Learnt from {{count}} invoice paid since {{from, day}} ({{customers}} customers); the portfolio’s median delay: {{days}} days after the due date',
  forecast_model_other:
    'Learnt from {{count}} invoices paid since {{from, day}} ({{customers}} customers); the portfolio’s median delay: {{days}} days after the due date',
  forecast_nothing: 'No invoice open on that day.',
  backtest_cli_help:
    'The forecast’s backtest: predicted as of a past day, compared with what was actually paid since, against the “paid on the due date” baseline',
  backtest_cli_from: 'the day the forecast is replayed as of, as YYYY-MM-DD',
  backtest_cli_to: 'the last day of the payments compared (at most today), as YYYY-MM-DD',
  backtest_cli_currency: 'only this currency',
  backtest_title:
    'Backtest of the forecast made on {{from, day}}, against the payments up to {{to, day}}',
  backtest_invoices_one: '{{count}} invoice open then paid since, {{unpaid}} still unpaid',
  backtest_invoices_other: '{{count}} invoices open then paid since, {{unpaid}} still unpaid',
  backtest_column_method: 'Prediction',
  backtest_column_days: 'Mean absolute error (days)',
  backtest_column_weekly: 'Weekly error {{currency}}',
  backtest_model: 'Model (customer’s history)',
  backtest_baseline: 'Baseline (due date)',
  backtest_model_wins: 'The model beats the baseline.',
  backtest_baseline_wins: 'The baseline beats the model.',
  backtest_tie: 'The model and the baseline are as close.',
  backtest_nothing_paid: 'No invoice open then has been paid since: nothing to compare.',
};
