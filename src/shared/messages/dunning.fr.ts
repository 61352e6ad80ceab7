import type { dunningEn } from './dunning.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `dunning.en.ts`). */
export const dunningFr = {
  dunning_scenario_name_required: 'Le scénario doit avoir un nom',
  dunning_no_steps: 'Le scénario doit avoir au moins une étape',
  dunning_step_id_required: 'Une étape doit avoir un identifiant',
  dunning_step_duplicate_id: 'Deux étapes ne peuvent pas avoir le même identifiant {{id}}',
  dunning_offset_out_of_range:
    'Une étape doit se situer à un nombre entier de jours, au plus {{max}}, avant ou après l’échéance',
  dunning_step_same_offset:
    'Les étapes {{otherStep}} et {{step}} tombent le même jour ({{offset}})',
  dunning_template_required: 'Une étape d’e-mail, de courrier ou de SMS a besoin d’un modèle',
  dunning_negative_minimum: 'Le montant minimal en retard ne peut pas être négatif',
  dunning_no_risk_category:
    'Une étape doit valoir pour au moins une catégorie de risque (laissez vide pour toutes)',
  dunning_pre_due_escalation:
    'Une suspension du compte ou un passage au contentieux doit venir après l’échéance',
  dunning_step_after_litigation:
    'Aucune étape ne peut suivre le passage au contentieux (jour {{litigationOffset}})',
  dunning_negative_tolerance: 'Le seuil de relance ne peut pas être négatif',
  dunning_contact_gap_out_of_range:
    'L’écart entre deux contacts doit être un nombre entier de jours, de 0 à {{max}}',
  dunning_run_hour_out_of_range: 'L’heure de la relance doit être une heure entière de 0 à 23',
  dunning_scenario_not_found: 'Scénario de relance {{key}} introuvable',
  dunning_template_not_found: 'Modèle {{key}} introuvable',
  dunning_scenario_refused: 'Le scénario ne peut pas être enregistré',
  dunning_template_refused: 'Le modèle ne peut pas être enregistré',
  dunning_policy_refused: 'Les réglages de relance ne peuvent pas être enregistrés',
  dunning_scenario_in_use_one:
    'Le scénario est attribué à {{count}} client : donnez-lui d’abord un autre scénario',
  dunning_scenario_in_use_other:
    'Le scénario est attribué à {{count}} clients : donnez-leur d’abord un autre scénario',
  dunning_scenario_is_default:
    'Le scénario par défaut de la société ne peut pas être supprimé : faites d’abord d’un autre scénario le défaut',
  dunning_default_required:
    'La société a besoin d’un scénario par défaut : faites plutôt d’un autre scénario le défaut',
  dunning_preview_source: 'Donnez soit un modèle enregistré (templateId), soit ses mots (template)',
  dunning_action_not_found: 'Action {{key}} introuvable dans l’agenda',
  dunning_action_closed: 'Cette action n’est plus à faire : elle est {{status}}',
  dunning_action_not_awaiting_approval:
    'Seule une étape en attente de validation peut être validée',
  dunning_action_needs_approval: 'Cette étape attend une validation : validez-la ou écartez-la',
  dunning_snooze_not_later: 'Reportez-la à un jour après aujourd’hui ({{today}})',
  dunning_promise_required:
    'Une promesse donnée a besoin de son montant, de sa date et de ses factures',
  dunning_follow_up_not_later: 'Le rappel doit tomber après aujourd’hui ({{today}})',
  template_syntax: 'Ligne {{line}} : {{detail}}',
  template_unknown_variable: 'Ligne {{line}} : la variable {{name}} n’existe pas',
  penalty_rate_assumed:
    'Pas encore de taux publié pour {{halfYear}} : le taux de {{usedHalfYear}} a été appliqué',
  penalty_rate_below_floor:
    'Le taux de pénalités convenu est inférieur à trois fois le taux de l’intérêt légal de {{halfYear}}',
  penalty_rate_refused: 'Le taux de pénalités ne peut pas être enregistré',
  penalty_rate_half_year_invalid: 'Un semestre s’écrit AAAA-H1 ou AAAA-H2 (2026-H1)',
  penalty_rate_out_of_range: 'Un taux est un nombre entier de points de base, de 0 à {{max}}',
} as const satisfies ShapeOf<typeof dunningEn>;
