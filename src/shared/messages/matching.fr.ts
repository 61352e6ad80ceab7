import type { matchingEn } from './matching.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `matching.en.ts`). */
export const matchingFr = {
  match_reason_reference: 'Numéro de facture {{number}} dans le libellé',
  match_reason_reference_rewritten: 'Numéro de facture {{number}} écrit « {{text}} »',
  match_reason_reference_typo: '« {{text}} » est à une faute de frappe du numéro {{number}}',
  match_reason_references_sum_one: 'Le montant est celui de la facture citée',
  match_reason_references_sum_other: 'Le montant est le total des {{count}} factures citées',
  match_reason_iban_known: 'IBAN connu du client {{customer}}',
  match_reason_iban_other_customer: 'L’IBAN est connu d’un autre client, {{customer}}',
  match_reason_name: 'Nom du donneur d’ordre proche de celui de {{customer}} ({{similarity}} %)',
  match_reason_exact_amount: 'Montant exact de sa facture ouverte {{number}}',
  match_reason_exact_amount_oldest:
    'Montant exact de sa plus ancienne facture ouverte {{number}}, parmi plusieurs',
  match_reason_amount_unique: 'Seule facture ouverte de ce montant : {{number}}',
  match_reason_sum_one: 'Le montant d’une de ses factures ouvertes',
  match_reason_sum_other: 'Somme de {{count}} de ses factures ouvertes',
  match_reason_credit_note: 'Avoir {{number}} déduit',
  match_reason_partial: 'Paiement partiel : {{amount, money}} sur {{open, money}}',
  match_reason_overpayment: 'Trop-perçu : {{amount, money}} laissés non lettrés',
  match_reason_oldest_first: 'Réparti sur ses plus anciennes factures ouvertes',
  match_reason_ambiguous: 'Un autre rapprochement convient presque aussi bien',
  match_reason_reverses:
    'Reprend le virement du {{date, day}} ({{reference}}) : son paiement est annulé',
  match_reason_reverses_unmatched:
    'Reprend le virement du {{date, day}} ({{reference}}), qui n’était pas encore rapproché',
  match_reason_taken_back:
    'Repris par la banque le {{date, day}} ({{reason}}) : cet argent n’est plus sur le compte',
  payment_reference_taken: 'Un paiement porte déjà la référence {{reference}}',
  bank_line_not_incoming:
    'Cette ligne de relevé est une sortie d’argent ({{amount, money}}) : elle ne règle aucune créance',
  bank_line_not_queued: 'Cette ligne de relevé n’attend pas de rapprochement (statut : {{status}})',
  bank_line_not_applied: 'Cette ligne de relevé n’a aucun rapprochement à annuler',
  bank_line_not_set_aside: 'Cette ligne de relevé n’a pas été écartée (statut : {{status}})',
  bank_line_allocations_exceed:
    'Les lettrages totalisent {{total, money}}, plus que les {{amount, money}} de la ligne',
  threshold_out_of_range: 'Le seuil est un nombre entier de 1 à 100, et non {{value}}',
} as const satisfies ShapeOf<typeof matchingEn>;
