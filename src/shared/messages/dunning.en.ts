/**
 * What dunning says, in English, by stable code (merged into the catalogue's `codes`):
 * the refusals of a scenario or a policy that cannot be stored, and the notices of the
 * late-payment penalties. `dunning.fr.ts` has the same keys.
 */
export const dunningEn = {
  dunning_scenario_name_required: 'The scenario needs a name',
  dunning_no_steps: 'The scenario needs at least one step',
  dunning_step_id_required: 'A step needs an id',
  dunning_step_duplicate_id: 'Two steps cannot share the id {{id}}',
  dunning_offset_out_of_range:
    'A step must lie a whole number of days, at most {{max}}, before or after the due date',
  dunning_step_same_offset: 'Steps {{otherStep}} and {{step}} fall on the same day ({{offset}})',
  dunning_template_required: 'An e-mail, letter or text message step needs a template',
  dunning_negative_minimum: 'The minimum overdue total cannot be negative',
  dunning_no_risk_category:
    'A step must apply to at least one risk category (leave it empty for every category)',
  dunning_pre_due_escalation:
    'An account hold or a hand-over to litigation must come after the due date',
  dunning_step_after_litigation:
    'No step can follow the hand-over to litigation (day {{litigationOffset}})',
  dunning_negative_tolerance: 'The dunning tolerance cannot be negative',
  dunning_contact_gap_out_of_range:
    'The gap between two contacts must be a whole number of days from 0 to {{max}}',
  dunning_run_hour_out_of_range: 'The run hour must be a whole hour from 0 to 23',
  dunning_scenario_not_found: 'Dunning scenario {{key}} not found',
  dunning_template_not_found: 'Template {{key}} not found',
  dunning_scenario_refused: 'The scenario cannot be saved',
  dunning_template_refused: 'The template cannot be saved',
  dunning_policy_refused: 'The dunning policy cannot be saved',
  dunning_scenario_in_use_one:
    'The scenario is assigned to {{count}} customer: give it another scenario first',
  dunning_scenario_in_use_other:
    'The scenario is assigned to {{count}} customers: give them another scenario first',
  dunning_scenario_is_default:
    "The company's default scenario cannot be deleted: make another scenario the default first",
  dunning_default_required:
    'The company needs a default scenario: make another scenario the default instead',
  dunning_preview_source:
    'Give either a stored template (templateId) or the words of one (template)',
  dunning_action_not_found: 'Agenda item {{key}} not found',
  dunning_action_closed: 'This item is no longer to do: it is {{status}}',
  dunning_action_not_awaiting_approval: 'Only a step awaiting approval can be approved',
  dunning_action_needs_approval: 'This step awaits approval: approve it or dismiss it',
  dunning_snooze_not_later: 'Snooze it to a day after today ({{today}})',
  dunning_promise_required: 'A promise given needs its amount, date and invoices',
  dunning_follow_up_not_later: 'The follow-up must be on a later day than today ({{today}})',
  template_syntax: 'Line {{line}}: {{detail}}',
  template_unknown_variable: 'Line {{line}}: the variable {{name}} does not exist',
  penalty_rate_assumed:
    'No published rate for {{halfYear}} yet: the rate of {{usedHalfYear}} was used',
  penalty_rate_below_floor:
    'The agreed penalty rate is below three times the legal interest rate of {{halfYear}}',
  penalty_rate_refused: 'The late-payment rate cannot be saved',
  penalty_rate_half_year_invalid: 'A half-year is written YYYY-H1 or YYYY-H2 (2026-H1)',
  penalty_rate_out_of_range: 'A rate must be a whole number of basis points from 0 to {{max}}',
} as const;
