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
  template_syntax: 'Line {{line}}: {{detail}}',
  template_unknown_variable: 'Line {{line}}: the variable {{name}} does not exist',
  penalty_rate_assumed:
    'No published rate for {{halfYear}} yet: the rate of {{usedHalfYear}} was used',
  penalty_rate_below_floor:
    'The agreed penalty rate is below three times the legal interest rate of {{halfYear}}',
} as const;
