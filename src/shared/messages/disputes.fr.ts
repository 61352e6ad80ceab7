import type { disputesEn } from './disputes.en.ts';
import type { ShapeOf } from './shape.ts';

/** The same messages in French (same keys as `disputes.en.ts`). */
export const disputesFr = {
  dispute_refused: 'Le litige ne peut pas être enregistré',
  dispute_credit_note_refused: '{{number}} est un avoir : seule une facture peut être contestée',
  dispute_invoice_paid: 'La facture {{number}} est payée : il ne reste rien à contester',
  dispute_already_open:
    'La facture {{number}} est déjà en litige : levez ce litige avant d’en ouvrir un autre',
  dispute_not_open: 'La facture {{number}} n’a aucun litige en cours',
  dispute_amount_not_positive:
    'Le montant contesté doit être un nombre entier de centimes supérieur à zéro',
  dispute_amount_too_large: 'Le montant contesté dépasse le plus grand montant accepté',
  dispute_amount_above_open:
    'Le montant contesté dépasse les {{open, money}} restant dus sur la facture {{number}}',
  dispute_note_too_long: 'La note doit faire au plus {{max}} caractères',
} as const satisfies ShapeOf<typeof disputesEn>;
